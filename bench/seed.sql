-- Seeds :n orders, each with one shipment and 6 scans, into the store with slug :'slug'.
-- Usage: psql -v n=100000 -v slug=demo -f bench/seed.sql  (schema beacon, as the app creates it)
set search_path = beacon;
\set ON_ERROR_STOP on
begin;
create temporary table bench_orders as
select gen_random_uuid() as id, (select id from stores where slug = :'slug') as store_id, i
from generate_series(1, :n) as i;

insert into orders (id, store_id, order_number, customer_name, customer_email, customer_phone, dest_postal_code,
                    dest_city, dest_region, dest_country, origin_postal_code, origin_city, origin_region,
                    origin_country, placed_at, promised_by, status, health, test, created_at, updated_at, version)
select id, store_id, 'B-' || i, 'Bench Customer ' || i, 'bench' || i || '@example.com', '+1555' || lpad(i::text, 7, '0'),
       '38103', 'Memphis', 'TN', 'US', '10001', 'New York', 'NY', 'US',
       now() - (i % 90) * interval '1 day', (now() + interval '5 days')::date, 'IN_TRANSIT', 'ON_TRACK', false,
       now() - (i % 90) * interval '1 day', now(), 0
from bench_orders;

insert into order_items (order_id, position, sku, name, quantity)
select id, 0, 'SKU-' || (i % 500), 'Bench item ' || (i % 500), 1 from bench_orders;

create temporary table bench_shipments as
select gen_random_uuid() as id, o.id as order_id, o.store_id, o.i from bench_orders o;

insert into shipments (id, store_id, order_id, carrier, carrier_pinned, tracking_number, service, shipped_at, milestone,
                       health, status_text, estimated_earliest, estimated_latest, last_event_at, next_poll_at,
                       created_at, updated_at, version)
select id, store_id, order_id, 'ups', true, '1ZBENCH' || lpad(i::text, 11, '0'), 'Ground', now() - interval '2 days',
       'IN_TRANSIT', 'ON_TRACK', 'Departed from facility', current_date + 1, current_date + 3, now() - interval '1 hour',
       null, now(), now(), 0
from bench_shipments;

insert into tracking_events (shipment_id, store_id, carrier, dedup_key, raw_code, raw_text, raw_payload, occurred_at,
                             loc_city, loc_region, loc_country, milestone, health, rule_id, rules_version, source,
                             received_at)
select s.id, s.store_id, 'ups', 'bench-' || k, 'I', 'Scan ' || k, '{}', now() - (7 - k) * interval '6 hours',
       'Memphis', 'TN', 'US', 'IN_TRANSIT', 'ON_TRACK', 'bench', 'bench', 'poll', now()
from bench_shipments s cross join generate_series(1, 6) as k;
commit;
analyze;
