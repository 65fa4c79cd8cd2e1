-- Messages are rendered when they are sent, not when they are queued (docs/notifications.md):
-- a new row keeps what decides its words (facts: the event's and the order's details, as JSON),
-- and subject and body are written when the provider is called (what was handed over). Rows
-- written before this keep their rendered subject and body and are sent as they are.
alter table notify_messages add column facts jsonb;
alter table notify_messages alter column body_text drop not null;
-- The claim takes due rows in (next_attempt_at, id) order: with next_attempt_at alone, rows due
-- at the same instant (a burst, a backlog released at once) were read and sorted whole on every
-- claim; this index hands them out in order and the claim stops after its batch.
create index notify_messages_due_order on notify_messages (next_attempt_at, id) where status = 'PENDING';
drop index notify_messages_due;
