-- Ceiling of message dispatch: the bare claim (FOR UPDATE SKIP LOCKED) of :batch due PENDING
-- messages and their end (SENT), without rendering or a provider.
with due as (select id from beacon.notify_messages where status = 'PENDING' and next_attempt_at <= now()
             order by next_attempt_at, id limit :batch for update skip locked)
update beacon.notify_messages m set status = 'SENT', sent_at = now(), attempts = m.attempts + 1
from due where m.id = due.id;
