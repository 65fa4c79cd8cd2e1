-- Ceiling of message dispatch: the two writes no dispatcher can do without, with Beacon's logic
-- (checks, rendering, the provider fence, a provider) left out: the claim exactly as
-- MessageClaims.claim issues it (due rows in (next_attempt_at, id) order from the partial index
-- notify_messages_due_order, FOR UPDATE SKIP LOCKED, SENDING under a lease), then the record of
-- the claimed rows as SENT, each in its own transaction.
update beacon.notify_messages m set status = 'SENDING', attempts = m.attempts + 1, lease_owner = 'twin-' || :client_id,
  lease_token = gen_random_uuid(), lease_expires_at = now() + interval '2 minutes', provider_called_at = null
from (select id from beacon.notify_messages where status = 'PENDING' and next_attempt_at <= now()
      order by next_attempt_at, id limit :batch for update skip locked) due
where m.id = due.id;
update beacon.notify_messages set status = 'SENT', sent_at = now(), lease_token = null, lease_expires_at = null,
  lease_owner = null
where status = 'SENDING' and lease_owner = 'twin-' || :client_id;
