-- Inbound carrier webhooks (tracking-carriers).
-- Which store a signed webhook belongs to, and the secret that signs it:
--   source 'shopify':  account = the shop's myshopify domain (X-Shopify-Shop-Domain)
--   source 'easypost': account = the Beacon store slug (path /webhooks/carriers/easypost/{slug})
-- The secret must be kept in clear text: HMAC verification needs it.
create table carrier_webhook_sources (
    id         uuid primary key,
    store_id   uuid         not null references stores (id),
    source     varchar(20)  not null,
    account    varchar(255) not null,
    secret     varchar(255) not null,
    created_at timestamptz  not null,
    constraint carrier_webhook_sources_account unique (source, account)
);
create index carrier_webhook_sources_store on carrier_webhook_sources (store_id);

-- Deliveries already applied (sender's event id), so a repeated delivery changes nothing.
create table carrier_webhook_deliveries (
    source      varchar(20)  not null,
    event_id    varchar(255) not null,
    store_id    uuid         not null references stores (id),
    received_at timestamptz  not null,
    primary key (source, event_id)
);

-- Shopify fulfillments Beacon tracks, so fulfillment_events (which carry no tracking
-- number) find their shipments.
create table shopify_fulfillments (
    store_id       uuid        not null references stores (id),
    fulfillment_id varchar(40) not null,
    shipment_id    uuid        not null references shipments (id),
    primary key (store_id, fulfillment_id, shipment_id)
);
