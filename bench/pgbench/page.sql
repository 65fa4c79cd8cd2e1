-- Physical-limit twin of the tracking page: the statements the page issues (captured with
-- log_statement), in the same read-only transaction (order, items, shipments and scans together; the
-- scans without raw_payload), for a random order g of store 1. The store by slug is not read per
-- view: each instance keeps it for up to 5 s (StoreLookups), one read every 5 s at most.
-- Ids are the generator's md5-derived ones. Variables: n1 (orders of store 1).
\set g random(1, :n1)
BEGIN READ ONLY;
select o1_0.id,o1_0.created_at,o1_0.customer_name,o1_0.customer_email,o1_0.customer_phone,o1_0.customer_locale,o1_0.dest_postal_code,o1_0.dest_city,o1_0.dest_region,o1_0.dest_country,o1_0.health,o1_0.order_number,o1_0.origin_postal_code,o1_0.origin_city,o1_0.origin_region,o1_0.origin_country,o1_0.placed_at,o1_0.promised_by,o1_0.status,o1_0.store_id,o1_0.test,o1_0.updated_at,o1_0.version from beacon.orders o1_0 where o1_0.store_id=md5('bench-store-1')::uuid and o1_0.order_number='BO-' || :g;
select i1_0.order_id,i1_0.position,i1_0.sku,i1_0.name,i1_0.quantity from beacon.order_items i1_0 where i1_0.order_id=md5('o' || :g)::uuid;
select s1_0.id,s1_0.action_required,s1_0.carrier,s1_0.carrier_earliest,s1_0.carrier_latest,s1_0.carrier_pinned,s1_0.created_at,s1_0.delivered_at,s1_0.estimated_earliest,s1_0.estimated_latest,s1_0.expired_at,s1_0.health,s1_0.last_event_at,s1_0.last_poll_detail,s1_0.last_poll_outcome,s1_0.last_polled_at,s1_0.milestone,s1_0.next_poll_at,s1_0.order_id,s1_0.reason,s1_0.service,s1_0.shipped_at,s1_0.status_location,s1_0.status_text,s1_0.store_id,s1_0.tracking_number,s1_0.updated_at,s1_0.version from beacon.shipments s1_0 where s1_0.order_id=md5('o' || :g)::uuid order by s1_0.created_at;
select id, shipment_id, occurred_at, local_time, zone, milestone, health, reason, raw_text, loc_city, loc_region, loc_postal_code, loc_country, raw_code, null as raw_payload, rule_id, source from beacon.tracking_events where shipment_id = any(array[md5('s' || :g || '-1')::uuid, md5('s' || :g || '-2')::uuid]) order by occurred_at desc, id desc;
COMMIT;
