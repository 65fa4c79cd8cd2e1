-- Aggregator sources (issue 11): each number is registered once per source and carrier
-- (17TRACK charges per registration), whatever the number of shipments that carry it.
create table source_registrations (
    source          varchar(20)  not null,
    tracking_number varchar(40)  not null,
    carrier         varchar(20)  not null,
    state           varchar(20)  not null,
    attempts        integer      not null default 0,
    lease_until     timestamptz,
    registered_at   timestamptz,
    last_push_at    timestamptz,
    last_fetch_at   timestamptz,
    stopped_at      timestamptz,
    last_status     varchar(60),
    detail          varchar(500),
    created_at      timestamptz  not null,
    primary key (source, tracking_number, carrier)
);
create index source_registrations_state on source_registrations (source, state);
