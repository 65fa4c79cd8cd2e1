-- Support console search: partial, case-insensitive matching on order number, email,
-- name, phone digits and tracking number, answered from trigram GIN indexes.
create extension if not exists pg_trgm;

-- The operator class lives in whatever schema the extension was installed in (it may
-- predate this migration); qualify it so the indexes build whatever the search_path.
do $$
declare
    ext_schema text;
begin
    select n.nspname into ext_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm';
    execute format('create index if not exists orders_number_trgm on orders using gin (lower(order_number) %I.gin_trgm_ops)', ext_schema);
    execute format('create index if not exists orders_email_trgm on orders using gin (lower(customer_email) %I.gin_trgm_ops)', ext_schema);
    execute format('create index if not exists orders_name_trgm on orders using gin (lower(customer_name) %I.gin_trgm_ops)', ext_schema);
    execute format('create index if not exists orders_phone_trgm on orders using gin (regexp_replace(customer_phone, ''[^0-9]'', '''', ''g'') %I.gin_trgm_ops)', ext_schema);
    execute format('create index if not exists shipments_number_trgm on shipments using gin (tracking_number %I.gin_trgm_ops)', ext_schema);
end
$$;
