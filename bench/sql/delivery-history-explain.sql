-- A stand-alone delivery_history (V402's columns, import_id nullable as since V500) for EXPLAIN of
-- the promise reads (docs/performance.md, "Delivery history index"): one store with 1.2M rows over
-- three years (95% delivered) and 20 stores with 50,000 each. psql -d <empty scratch db> -f this file.
create table stores (id uuid primary key);
create table delivery_history (
    store_id                uuid         not null references stores (id),
    order_number            varchar(64)  not null,
    carrier                 varchar(20)  not null,
    service                 varchar(100) not null default '',
    placed_at               timestamptz  not null,
    shipped_at              timestamptz,
    delivered_at            timestamptz,
    promised_by             date,
    origin_region           varchar(120),
    origin_country          varchar(2),
    destination_region      varchar(120),
    destination_postal_code varchar(20),
    destination_country     varchar(2),
    status                  varchar(20)  not null,
    import_id               uuid,
    primary key (store_id, order_number, carrier, service)
);
create index delivery_history_store_placed on delivery_history (store_id, placed_at);
-- one big store (1.2M rows over 3 years, 95% delivered), 20 small stores (50k rows each)
insert into stores select ('00000000-0000-0000-0000-0000000000' || lpad(i::text, 2, '0'))::uuid from generate_series(0, 20) i;
insert into delivery_history
select ('00000000-0000-0000-0000-0000000000' || lpad(s::text, 2, '0'))::uuid,
       'o' || g, (array['ups','fedex','usps','dhl'])[1 + g % 4], (array['ground','express',''])[1 + g % 3],
       p, p + interval '1 day', case when g % 20 = 0 then null else p + (1 + g % 7) * interval '1 day' + (g % 13) * interval '1 hour' end,
       (p + interval '6 days')::date, 'CA', 'US', (array['NY','TX','WA','FL','IL'])[1 + g % 5], '10001', 'US',
       case when g % 20 = 0 then 'IN_TRANSIT' else 'DELIVERED' end, null
from (select s, g, now() - interval '1095 days' * (1 - g::float8 / n) - random() * interval '2 hours' as p, n
      from (select 0 s, 1200000 n union all select i, 50000 from generate_series(1, 20) i) st,
      lateral generate_series(1, n) g) x;
vacuum analyze delivery_history;
