-- Console search ignores accents: "Diego Ramirez" finds "Diego Ramírez". beacon_unaccent
-- is an immutable wrapper of the unaccent extension (whose own function is only stable),
-- so it can back an expression index; the name search uses the trigram index below.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

do $$
declare
    unaccent_schema text;
    trgm_schema text;
begin
    select n.nspname into unaccent_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent';
    select n.nspname into trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    execute format('create or replace function beacon_unaccent(text) returns text language sql immutable '
        || 'parallel safe strict as $f$ select %I.unaccent(%L::regdictionary, $1) $f$',
        unaccent_schema, unaccent_schema || '.unaccent');
    execute format('create index if not exists orders_name_unaccent_trgm on orders '
        || 'using gin (beacon_unaccent(lower(customer_name)) %I.gin_trgm_ops)', trgm_schema);
end
$$;
