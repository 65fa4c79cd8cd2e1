-- Signed EasyPost tracker.updated deliveries for wrk: :count distinct events (unique event id,
-- one new scan each) for shipments of store :k that are still on their way, each with
-- X-Hmac-Signature: hmac-sha256-hex=<HMAC-SHA256(whsec_bench_<k>, body)>. Output: signature \t body.
-- :tag makes event ids and scans unique per run ('bench-push-<tag>-<i>' in the scan message).
set search_path = beacon, public;
with live as (
  select s.tracking_number, s.carrier, row_number() over (order by s.id) as r
  from shipments s join public.bench_stores b on b.id = s.store_id and b.k = :k
  where s.milestone in ('IN_TRANSIT', 'PICKED_UP', 'LABEL_CREATED', 'OUT_FOR_DELIVERY')
),
n as materialized (select count(*) as c from live),
e as (
  select i, l.tracking_number, l.carrier,
         json_build_object('id', 'evt_' || :'tag' || '_' || i, 'object', 'Event', 'description', 'tracker.updated',
           'result', json_build_object('object', 'Tracker', 'tracking_code', l.tracking_number, 'carrier', upper(l.carrier),
             'status', 'in_transit', 'est_delivery_date', to_char(now() + interval '3 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             'tracking_details', json_build_array(json_build_object('object', 'TrackingDetail',
               'message', 'bench-push-' || :'tag' || '-' || i, 'status', 'in_transit',
               'datetime', to_char(now() - interval '20 days' + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'tracking_location', json_build_object('city', 'Memphis', 'state', 'TN', 'country', 'US', 'zip', '38103')))))::text as body
  from n, generate_series(1, :count) i join live l on l.r = 1 + (i::bigint * 7919) % (select c from n)
)
select 'hmac-sha256-hex=' || encode(hmac(convert_to(body, 'UTF8'), convert_to('whsec_bench_' || :k, 'UTF8'), 'sha256'), 'hex'), body
from e;
