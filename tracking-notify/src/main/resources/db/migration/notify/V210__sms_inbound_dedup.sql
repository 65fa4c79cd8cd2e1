-- Inbound SMS keywords from Twilio (STOP/START), one row per MessageSid: a replayed or
-- retried webhook is applied once, and never after a newer keyword of the same number.
create table notify_sms_inbound (
    message_sid varchar(64)  primary key,
    phone       varchar(32)  not null,
    keyword     varchar(16)  not null,
    received_at timestamptz  not null
);
create index notify_sms_inbound_phone on notify_sms_inbound (phone, received_at desc);
create index notify_messages_provider on notify_messages (provider_id) where provider_id is not null;
