-- Outbound webhooks to store backends: endpoints and an outbox of deliveries.
create table webhook_endpoints (
    id          uuid primary key,
    store_id    uuid         not null references stores (id),
    url         varchar(500) not null,
    secret      varchar(80)  not null,
    events      varchar(200) not null,
    created_at  timestamptz  not null,
    disabled_at timestamptz
);
create index webhook_endpoints_store on webhook_endpoints (store_id) where disabled_at is null;

create table webhook_deliveries (
    id              uuid primary key,
    endpoint_id     uuid          not null references webhook_endpoints (id),
    store_id        uuid          not null references stores (id),
    event_id        uuid          not null,
    event_type      varchar(40)   not null,
    payload         text          not null,
    status          varchar(12)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    last_status     integer,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    constraint webhook_deliveries_once unique (endpoint_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);
