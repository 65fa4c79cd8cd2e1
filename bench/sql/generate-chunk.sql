-- One chunk of the generated data set: orders :lo..:hi (global numbers, order number BO-<g>),
-- 1.5 shipments per order (a second one on even orders) across all milestones, :scans scans per
-- shipment, and a message for every other order. Deterministic ids (md5 of the global number), so
-- chunks are independent. Run after fixtures.sql.
\set ON_ERROR_STOP on
set search_path = beacon, public;
set synchronous_commit = off;
begin;
create temporary table g on commit drop as
select g, b.id as store_id, b.k,
       md5('o' || g)::uuid as oid,
       now() - ((g * 7919) % 120) * interval '1 day' - ((g * 104729) % 86400) * interval '1 second' as placed,
       (g * 2654435761) % 100 as h
from generate_series(:lo::bigint, :hi::bigint) g
join public.bench_stores b on g between b.lo and b.hi;

create temporary table s on commit drop as
select md5('s' || g.g || '-' || j)::uuid as sid, g.*, j,
       (array['ups','fedex','usps','dhl'])[1 + (g.g + j) % 4] as carrier,
       -- milestone by share: 45% delivered, 20% in transit, the rest spread over every other milestone
       case when x < 45 then 'DELIVERED' when x < 65 then 'IN_TRANSIT' when x < 72 then 'OUT_FOR_DELIVERY'
            when x < 79 then 'LABEL_CREATED' when x < 84 then 'PICKED_UP' when x < 86 then 'DELIVERY_ATTEMPTED'
            when x < 88 then 'AVAILABLE_FOR_PICKUP' when x < 90 then 'RETURNING' when x < 92 then 'RETURNED'
            when x < 95 then 'EXPIRED' when x < 97 then 'CANCELLED' else 'ORDERED' end as milestone,
       case when x % 10 < 7 then 'ON_TRACK' when x % 10 < 8 then 'AT_RISK' when x % 10 < 9 then 'DELAYED'
            when x % 20 = 9 then 'ACTION_REQUIRED' else 'EXCEPTION' end as health
from g cross join lateral (select j, (g.h + 37 * j) % 100 as x from generate_series(1, 1 + (g.g % 2 = 0)::int) j) jj;

insert into orders (id, store_id, order_number, customer_name, customer_email, customer_phone, customer_locale,
                    dest_postal_code, dest_city, dest_region, dest_country, origin_postal_code, origin_city,
                    origin_region, origin_country, placed_at, promised_by, status, health, test, created_at,
                    updated_at, version)
select g.oid, g.store_id, 'BO-' || g.g,
       (array['Ana','Bruno','Carla','Diego','Elena','Fatima','Gustavo','Helena','Igor','Julia'])[1 + g.g % 10] || ' ' ||
       (array['Silva','Souza','Costa','Santos','Oliveira','Pereira','Lima','Carvalho','Ferreira','Almeida'])[1 + (g.g / 10) % 10],
       'customer' || g.g || '@example.com', '+1415' || lpad((g.g % 10000000)::text, 7, '0'),
       (array['en','en','en','pt-BR','de'])[1 + g.g % 5],
       lpad(((g.g * 31) % 99999)::text, 5, '0'), 'Memphis', 'TN', 'US', '10001', 'New York', 'NY', 'US',
       g.placed, (g.placed + interval '6 days')::date,
       coalesce(s.milestone, 'ORDERED'), coalesce(s.health, 'ON_TRACK'), false, g.placed, g.placed + interval '1 day', 0
from g left join s on s.oid = g.oid and s.j = 1;

insert into order_items (order_id, position, sku, name, quantity)
select oid, p, 'SKU-' || ((g + p) % 500), 'Bench item ' || ((g + p) % 500), 1 + (g + p) % 3
from g cross join generate_series(0, (g % 3)) p;

insert into shipments (id, store_id, order_id, carrier, carrier_pinned, tracking_number, service, shipped_at, milestone,
                       health, reason, status_text, status_location, estimated_earliest, estimated_latest, delivered_at,
                       last_event_at, next_poll_at, last_polled_at, last_poll_outcome, created_at, updated_at, version)
select sid, store_id, oid, carrier, false,
       'BN' || upper(carrier) || lpad(g::text, 10, '0') || j, 'Ground', placed + interval '1 day', milestone, health,
       case when health = 'ON_TRACK' then null else 'CARRIER' end,
       'Status ' || lower(milestone), 'Memphis, TN, US', (placed + interval '4 days')::date, (placed + interval '6 days')::date,
       case when milestone = 'DELIVERED' then placed + interval '4 days' end, placed + interval '3 days',
       case when milestone in ('DELIVERED','RETURNED','CANCELLED','EXPIRED') then null
            else now() + ((g * 7 + j) % 7200) * interval '1 second' end,
       placed + interval '3 days', 'OK', placed + interval '1 day', placed + interval '3 days', 0
from s;

insert into tracking_events (shipment_id, store_id, carrier, dedup_key, raw_code, raw_text, raw_payload, occurred_at,
                             loc_city, loc_region, loc_country, milestone, health, rule_id, rules_version, source,
                             received_at)
select sid, store_id, carrier, 'gen-' || e, 'I' || e, 'Generated scan ' || e || ' of ' || :scans,
       '{"code":"I' || e || '","text":"Generated scan"}', placed + interval '1 day' + e * interval '5 hours',
       (array['Memphis','Louisville','Chicago','Dallas','Atlanta'])[1 + e % 5], 'TN', 'US',
       case when e = :scans then milestone else 'IN_TRANSIT' end, 'ON_TRACK', 'bench', 'bench', 'poll',
       placed + interval '1 day' + e * interval '5 hours'
from s cross join generate_series(1, :scans) e;

insert into notify_messages (id, store_id, order_id, shipment_id, trigger, channel, idempotency_key, recipient, locale,
                             time_zone, subject, body_text, essential, priority, status, attempts, next_attempt_at,
                             transition_at, created_at, sent_at)
select md5('m' || s.g)::uuid, s.store_id, s.oid, s.sid,
       (array['SHIPPED','OUT_FOR_DELIVERY','DELIVERED','DELAYED','IN_TRANSIT_UPDATE'])[1 + s.g % 5],
       case when s.g % 10 = 0 then 'SMS' else 'EMAIL' end, 'bench-' || s.g,
       case when s.g % 10 = 0 then '+1415' || lpad((s.g % 10000000)::text, 7, '0') else 'customer' || s.g || '@example.com' end,
       'en', 'America/New_York', 'Your order BO-' || s.g, 'Your order BO-' || s.g || ' has news.', true, 10,
       case when s.h < 90 then 'SENT' when s.h < 95 then 'SUPPRESSED' else 'DEAD' end, 1,
       s.placed + interval '2 days', s.placed + interval '2 days', s.placed + interval '2 days',
       case when s.h < 90 then s.placed + interval '2 days' end
from s where s.j = 1 and s.g % 2 = 0;
commit;
