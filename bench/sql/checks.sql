-- Scale-out correctness after a run (variables: tag, run_start, acks loaded into bench_acks).
-- Prints one line per check: name, value, ok (t/f).
set search_path = beacon, public;
select 'shipments polled twice within 10 minutes' as check, count(*) as value, count(*) = 0 as ok
  from (select shipment_id from public.bench_poll_log l1
        where exists (select 1 from public.bench_poll_log l2 where l2.shipment_id = l1.shipment_id
                      and l2.ctid <> l1.ctid and abs(extract(epoch from l2.at - l1.at)) < 600)
        group by shipment_id) d
union all
select 'due shipments left unpolled (lag)', count(*), count(*) = 0
  from shipments where next_poll_at < now() - interval '2 minutes'
union all
select 'messages handed to the provider twice', count(*), count(*) = 0
  from (select message_id from public.bench_send_log group by message_id having count(*) > 1) d
union all
select 'messages sent (SENT)', count(*), true from notify_messages where status = 'SENT' and sent_at >= :'run_start'::timestamptz
union all
select 'messages still PENDING or SENDING', count(*), count(*) = 0
  from notify_messages where status in ('PENDING', 'SENDING') and next_attempt_at < now() - interval '2 minutes'
union all
select 'webhook deliveries acknowledged (200)', count(*), true from public.bench_acks
union all
select 'acknowledged scans lost', count(*), count(*) = 0
  from public.bench_acks a where not exists (
    select 1 from tracking_events e where e.raw_text = 'bench-push-' || :'tag' || '-' || split_part(a.event_id, '_', 3));
