create table help_requests (
    id            uuid primary key,
    store_id      uuid          not null references stores (id),
    order_id      uuid          not null references orders (id),
    shipment_id   uuid references shipments (id),
    topic         varchar(20)   not null,
    message       varchar(2000) not null,
    contact_email varchar(254),
    source        varchar(20)   not null,
    created_at    timestamptz   not null,
    resolved_at   timestamptz,
    resolution    varchar(500),
    version       bigint        not null
);
create index help_requests_order on help_requests (store_id, order_id, created_at desc);
create index help_requests_open on help_requests (store_id, created_at) where resolved_at is null;
