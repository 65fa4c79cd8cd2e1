-- Ceiling of scan ingest: one multi-row INSERT ... ON CONFLICT DO NOTHING of :batch new scans
-- into tracking_events for a random live shipment (store 1), as raw as it gets. Scans/s = tps * batch.
\set g random(1, :n1)
\set r random(1, 1000000000)
insert into beacon.tracking_events (shipment_id, store_id, carrier, dedup_key, raw_code, raw_text, raw_payload,
  occurred_at, loc_city, loc_region, loc_country, milestone, health, rule_id, rules_version, source, received_at)
select md5('s' || :g || '-1')::uuid, md5('bench-store-1')::uuid, 'ups', 'pgb-' || :r || '-' || k, 'I', 'Arrived at facility',
  '{"code":"I"}', now() - k * interval '1 minute', 'Memphis', 'TN', 'US', 'IN_TRANSIT', 'ON_TRACK', 'bench', 'bench', 'poll', now()
from generate_series(1, :batch) k
on conflict (shipment_id, dedup_key) do nothing;
