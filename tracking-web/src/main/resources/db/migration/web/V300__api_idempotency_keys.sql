-- Idempotency-Key records of the public API (kept 24 h).
create table api_idempotency_keys (
    store_id        uuid         not null references stores (id),
    key             varchar(255) not null,
    fingerprint     varchar(64)  not null,
    state           varchar(10)  not null,
    response_status integer,
    response_body   text,
    location        varchar(500),
    created_at      timestamptz  not null,
    primary key (store_id, key)
);
create index api_idempotency_keys_created on api_idempotency_keys (created_at);
