-- The promise module owns delivery_history and learns only from it: besides imported rows it
-- now holds every delivery Beacon tracked (written when the delivery commits, import_id null).
alter table delivery_history alter column import_id drop not null;

-- Deliveries Beacon tracked before this version (test orders and removed shipments excluded), once. A tracked
-- delivery replaces an imported row of the same order, carrier and service.
insert into delivery_history (store_id, order_number, carrier, service, placed_at, shipped_at, delivered_at,
                              promised_by, origin_region, origin_country, destination_region,
                              destination_postal_code, destination_country, status, import_id)
select distinct on (o.store_id, o.order_number, left(s.carrier, 20), left(coalesce(s.service, ''), 100))
       o.store_id, o.order_number, left(s.carrier, 20), left(coalesce(s.service, ''), 100), o.placed_at,
       s.shipped_at, s.delivered_at, o.promised_by, left(o.origin_region, 120), left(o.origin_country, 2),
       left(o.dest_region, 120), left(o.dest_postal_code, 20), left(o.dest_country, 2), 'DELIVERED', null
from shipments s join orders o on o.id = s.order_id
where s.delivered_at is not null and not o.test and s.removed_at is null
order by o.store_id, o.order_number, left(s.carrier, 20), left(coalesce(s.service, ''), 100), s.delivered_at desc
on conflict (store_id, order_number, carrier, service) do update set
  placed_at = excluded.placed_at, shipped_at = excluded.shipped_at, delivered_at = excluded.delivered_at,
  promised_by = excluded.promised_by, origin_region = excluded.origin_region,
  origin_country = excluded.origin_country, destination_region = excluded.destination_region,
  destination_postal_code = excluded.destination_postal_code, destination_country = excluded.destination_country,
  status = excluded.status, import_id = null;
