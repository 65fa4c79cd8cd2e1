-- Notifications (tracking-notify). Versions V200-V299 belong to this module.

-- The outbox: one row per message to send. Written in the transaction that changed the status.
create table notify_messages (
    id                uuid primary key,
    store_id          uuid not null,
    order_id          uuid not null,
    shipment_id       uuid,
    trigger           varchar(32) not null,
    channel           varchar(8) not null,
    -- shipment (or order) + trigger + channel (+ a discriminator for repeatable news): never two rows
    idempotency_key   varchar(200) not null,
    recipient         varchar(320) not null,
    locale            varchar(16) not null,
    -- the shopper's time zone (quiet hours)
    time_zone         varchar(64) not null,
    subject           text,
    body_text         text not null,
    body_html         text,
    essential         boolean not null default true,
    priority          int not null default 0,
    status            varchar(16) not null,
    status_reason     text,
    attempts          int not null default 0,
    next_attempt_at   timestamptz not null,
    stale_after       timestamptz,
    lease_owner       varchar(100),
    lease_token       uuid,
    lease_expires_at  timestamptz,
    -- set (committed) right before the provider is called: a crash after it is "maybe sent"
    provider_called_at timestamptz,
    provider_id       varchar(100),
    transition_at     timestamptz not null,
    created_at        timestamptz not null,
    sent_at           timestamptz,
    resend_of         uuid,
    constraint notify_messages_key unique (idempotency_key)
);
create index notify_messages_due on notify_messages (next_attempt_at) where status = 'PENDING';
create index notify_messages_lease on notify_messages (lease_expires_at) where status = 'SENDING';
create index notify_messages_order on notify_messages (store_id, order_id, created_at);
create index notify_messages_shipment on notify_messages (shipment_id, channel, status);
create index notify_messages_failed on notify_messages (store_id, created_at) where status in ('DEAD', 'UNCERTAIN', 'PENDING');

-- Per-store settings: sending identity, quiet hours, daily cap, channels per trigger, wording.
create table notify_store_settings (
    store_id          uuid primary key,
    from_name         varchar(120),
    from_address      varchar(320),
    reply_to          varchar(320),
    max_per_day       int,
    updated_at        timestamptz not null
);

create table notify_trigger_channels (
    store_id          uuid not null,
    trigger           varchar(32) not null,
    email             boolean not null,
    sms               boolean not null,
    primary key (store_id, trigger)
);

create table notify_wording (
    store_id          uuid not null,
    locale            varchar(16) not null,
    message_key       varchar(100) not null,
    text              text not null,
    primary key (store_id, locale, message_key)
);

-- Per-shopper preferences within a store (keyed by the order's email address).
create table notify_shopper_preferences (
    store_id          uuid not null,
    email             varchar(320) not null,
    email_enabled     boolean not null default true,
    sms_enabled       boolean not null default true,
    non_essential     boolean not null default true,
    updated_at        timestamptz not null,
    primary key (store_id, email)
);

-- SMS consent per store and phone number (E.164). Without a row saying yes, no SMS.
create table notify_sms_consent (
    store_id          uuid not null,
    phone             varchar(20) not null,
    consented         boolean not null,
    source            varchar(40) not null,
    updated_at        timestamptz not null,
    primary key (store_id, phone)
);

-- Addresses and numbers that must never be sent to (hard bounce, Twilio 21610, STOP).
-- Kept across stores: a bounce or a STOP is a fact about the address and the shared sender.
create table notify_suppressions (
    channel           varchar(8) not null,
    address           varchar(320) not null,
    reason            text not null,
    created_at        timestamptz not null,
    primary key (channel, address)
);

-- What notify knows of each live shipment, fed by core's events (for "arriving tomorrow" and "stalled").
create table notify_shipment_watch (
    shipment_id       uuid primary key,
    store_id          uuid not null,
    order_id          uuid not null,
    carrier           varchar(20) not null,
    milestone         varchar(32) not null,
    window_earliest   date,
    window_latest     date,
    last_scan_at      timestamptz,
    updated_at        timestamptz not null
);
create index notify_shipment_watch_live on notify_shipment_watch (milestone);
