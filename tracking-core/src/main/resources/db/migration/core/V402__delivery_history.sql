-- Imported delivery history (one row per order and carrier/service) and import jobs.
create table delivery_history (
    store_id                uuid         not null references stores (id),
    order_number            varchar(64)  not null,
    carrier                 varchar(20)  not null,
    service                 varchar(100) not null default '',
    placed_at               timestamptz  not null,
    shipped_at              timestamptz,
    delivered_at            timestamptz,
    promised_by             date,
    origin_region           varchar(120),
    origin_country          varchar(2),
    destination_region      varchar(120),
    destination_postal_code varchar(20),
    destination_country     varchar(2),
    status                  varchar(20)  not null,
    import_id               uuid         not null,
    primary key (store_id, order_number, carrier, service)
);
create index delivery_history_store_placed on delivery_history (store_id, placed_at);

create table import_jobs (
    id             uuid primary key,
    store_id       uuid         not null references stores (id),
    file_name      varchar(200),
    status         varchar(12)  not null,
    total_rows     integer      not null default 0,
    processed_rows integer      not null default 0,
    imported_rows  integer      not null default 0,
    unchanged_rows integer      not null default 0,
    rejected_rows  integer      not null default 0,
    errors         text,
    created_at     timestamptz  not null,
    finished_at    timestamptz
);
create index import_jobs_store on import_jobs (store_id, created_at desc);

-- Delivered shipments for the promise engine and reports.
create index shipments_store_delivered on shipments (store_id, delivered_at) where delivered_at is not null;
create index orders_store_placed on orders (store_id, placed_at);
