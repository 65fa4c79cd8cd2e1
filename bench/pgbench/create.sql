-- Twin of order creation: the order row and one item in one transaction (new number each time).
\set r random(1, 2000000000)
BEGIN;
insert into beacon.orders (id, store_id, order_number, customer_name, customer_email, customer_locale, dest_postal_code,
  dest_city, dest_region, dest_country, placed_at, promised_by, status, health, test, created_at, updated_at, version)
values (gen_random_uuid(), md5('bench-store-1')::uuid, 'PC-' || :client_id || '-' || :r || '-' || txid_current(), 'Ana Lima',
  'ana@example.com', 'en', '38103', 'Memphis', 'TN', 'US', now(), current_date + 5, 'ORDERED', 'ON_TRACK', false, now(), now(), 0);
insert into beacon.order_items (order_id, position, sku, name, quantity)
select id, 0, 'SKU-1', 'Desk lamp', 1 from beacon.orders where store_id = md5('bench-store-1')::uuid
  and order_number = 'PC-' || :client_id || '-' || :r || '-' || txid_current();
COMMIT;
