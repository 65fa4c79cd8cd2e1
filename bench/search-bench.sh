#!/usr/bin/env bash
# Console search on a million orders: builds a scratch database (beacon_bench_admin) from
# the core and admin migrations, generates 1,000,000 orders with one shipment each, and
# times the console's search query for typical inputs with EXPLAIN ANALYZE.
# Usage: bench/search-bench.sh   (PostgreSQL at 127.0.0.1:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=beacon_bench_admin
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
for f in tracking-core/src/main/resources/db/migration/core/V*.sql tracking-admin/src/main/resources/db/migration/admin/V*.sql; do
  $PSQL -d $DB -f "$f"
done
time $PSQL -d $DB <<'SQL'
insert into stores (id, slug, name, brand_primary_color, brand_accent_color, default_locale, time_zone, created_at, version)
values ('00000000-0000-0000-0000-000000000001', 'bench', 'Bench', '#000000', '#000000', 'en', 'UTC', now(), 0);
insert into orders (id, store_id, order_number, customer_name, customer_email, customer_phone, dest_region, dest_country,
                    placed_at, status, health, created_at, updated_at, version)
select md5('o' || g)::uuid, '00000000-0000-0000-0000-000000000001', 'WEB-' || (1000000 + g),
       (array['Ana','Bruno','Carla','Diego','Elena','Fatima','Gustavo','Helena','Igor','Julia'])[1 + g % 10] || ' ' ||
       (array['Silva','Souza','Costa','Santos','Oliveira','Pereira','Lima','Carvalho','Ferreira','Almeida'])[1 + (g / 10) % 10] || ' ' || g,
       'customer' || g || '@example.com', '+1 415 ' || lpad((g % 10000000)::text, 7, '0'),
       'CA', 'US', now() - (g % 365) * interval '1 day', 'IN_TRANSIT', 'ON_TRACK', now(), now(), 0
from generate_series(1, 1000000) g;
insert into shipments (id, store_id, order_id, carrier, tracking_number, milestone, health, created_at, updated_at, version)
select md5('s' || g)::uuid, '00000000-0000-0000-0000-000000000001', md5('o' || g)::uuid, 'ups',
       '1Z' || upper(substr(md5('t' || g), 1, 16)), 'IN_TRANSIT', 'ON_TRACK', now(), now(), 0
from generate_series(1, 1000000) g;
analyze;
SQL
query() {
  # The statement ConsoleSearch issues (phone condition added when the input is mostly digits).
  cat <<SQL
explain (analyze, timing off, summary on)
select o.id, o.order_number, o.customer_name,
       (select string_agg(s.tracking_number, ' ') from shipments s where s.order_id = o.id) as numbers
from (
  (select id, placed_at from orders where store_id in ('00000000-0000-0000-0000-000000000001')
     and (lower(order_number) like '%$1%' or lower(customer_email) like '%$1%' or lower(customer_name) like '%$1%')
     order by placed_at desc, id limit 20)
  $2
  union
  (select o.id, o.placed_at from shipments s join orders o on o.id = s.order_id
     where s.store_id in ('00000000-0000-0000-0000-000000000001') and s.tracking_number like '%$(echo "$1" | tr a-z A-Z)%'
     order by o.placed_at desc, o.id limit 20)
) c join orders o on o.id = c.id
order by o.placed_at desc, o.id limit 20;
SQL
}
for q in "web-1234567" "customer777777@" "ferreira 4242" "souza" "$(psql -h 127.0.0.1 -U postgres -d $DB -Atc "select lower(substr(tracking_number, 3, 10)) from shipments limit 1")"; do
  echo "== $q"
  query "$q" "" | $PSQL -d $DB | grep -E "Execution Time"
done
echo "== phone 5550142"
query "5550142" "union (select id, placed_at from orders where store_id in ('00000000-0000-0000-0000-000000000001') and regexp_replace(customer_phone, '[^0-9]', '', 'g') like '%5550142%' order by placed_at desc, id limit 20)" | $PSQL -d $DB | grep -E "Execution Time"
