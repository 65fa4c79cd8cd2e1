-- Physical-limit twin of the tracking page: the statements the page issues (captured with
-- log_statement), in the same read-only transaction (order with its items in one statement, shipments, scans without raw_payload: plain
-- projections since fix 5), for a random order g of store 1. The store by slug is not read per
-- view: each instance keeps it for up to 5 s (StoreLookups), one read every 5 s at most.
-- Ids are the generator's md5-derived ones. Variables: n1 (orders of store 1).
\set g random(1, :n1)
BEGIN READ ONLY;
select o.id, o.store_id, o.order_number, o.customer_name, o.customer_email, o.customer_phone, o.customer_locale, o.dest_postal_code, o.dest_city, o.dest_region, o.dest_country, o.origin_postal_code, o.origin_city, o.origin_region, o.origin_country, o.placed_at, o.promised_by, o.status, o.health, o.test, o.created_at, o.updated_at, o.cancelled_at, o.sms_consent, o.sms_consent_source, o.sms_consent_at, o.personal_data_erased_at, i.sku, i.name, i.quantity from beacon.orders o left join beacon.order_items i on i.order_id = o.id where o.store_id = md5('bench-store-1')::uuid and o.order_number = 'BO-' || :g order by i.position;
select id, store_id, order_id, carrier, carrier_pinned, carrier_name, tracking_url, source, tracking_number, service, shipped_at, milestone, health, reason, action_required, status_text, status_location, carrier_earliest, carrier_latest, estimated_earliest, estimated_latest, delivered_at, last_event_at, last_polled_at, last_poll_outcome, last_poll_detail, next_poll_at, created_at from beacon.shipments where store_id = md5('bench-store-1')::uuid and order_id = md5('o' || :g)::uuid and removed_at is null order by created_at, id;
select id, shipment_id, occurred_at, local_time, zone, milestone, health, reason, raw_text, loc_city, loc_region, loc_postal_code, loc_country, raw_code, null as raw_payload, rule_id, source from beacon.tracking_events where shipment_id = any(array[md5('s' || :g || '-1')::uuid, md5('s' || :g || '-2')::uuid]) order by occurred_at desc, id desc;
COMMIT;
