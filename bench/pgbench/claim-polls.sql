-- Ceiling of poll claiming: the bare claim (FOR UPDATE SKIP LOCKED) of :batch due shipments,
-- moving their next poll two minutes ahead, as PollQueue.claimDue (tracking-carriers) does without
-- the application around it. Claims/s = tps * batch while due rows last.
update beacon.shipments s set next_poll_at = now() + interval '2 minutes'
from (select id from beacon.shipments where next_poll_at <= now()
      order by next_poll_at limit :batch for update skip locked) due
where s.id = due.id;
