-- Per-store carrier accounts (issue 11): a store's own credentials for a direct carrier,
-- encrypted with beacon.secrets.key (core's SecretsCipher; a JSON object of the fields).
-- The install-wide beacon.carriers.<code>.* properties stay the default.
create table carrier_accounts (
    store_id         uuid        not null references stores (id),
    carrier          varchar(20) not null,
    credentials      text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    last_test_at     timestamptz,
    last_test_result varchar(30),
    primary key (store_id, carrier)
);

-- Aggregator fallback: a number a direct carrier cannot poll (its budget is spent) is
-- followed through 17TRACK until this time, then stopped there.
alter table source_registrations add column fallback_until timestamptz;
