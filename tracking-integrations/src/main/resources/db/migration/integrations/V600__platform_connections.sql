-- Store platforms (tracking-integrations): a store's connected shop, the deliveries already
-- applied, and which platform order/fulfillment became which Beacon order/shipment.

-- One connection per store and platform. account = the shop's myshopify domain or the
-- WooCommerce site URL; it binds to one store only. Credentials are encrypted (AES-GCM,
-- beacon.secrets.key): token = Admin API token / consumer key+secret, signing_secret =
-- Shopify API secret / WooCommerce webhook secret. An uninstalled app leaves the row
-- inactive (no token) until shop/redact, so that delivery can still be verified.
create table platform_connections (
    id                     uuid primary key,
    store_id               uuid         not null references stores (id),
    platform               varchar(20)  not null,
    account                varchar(255) not null,
    token                  text         not null,
    signing_secret         text         not null,
    mode                   varchar(20)  not null default 'custom',
    active                 boolean      not null default true,
    backfill_days          int          not null default 60,
    write_back             boolean      not null default false,
    confirm_orders         boolean      not null default false,
    subscription_status    varchar(20)  not null default 'pending',
    subscription_error     text,
    subscription_attempts  int          not null default 0,
    backfill_status        varchar(20)  not null default 'pending',
    backfill_imported      int          not null default 0,
    backfill_pages         int          not null default 0,
    backfill_error         text,
    connected_at           timestamptz  not null,
    updated_at             timestamptz  not null,
    constraint platform_connections_store unique (store_id, platform),
    constraint platform_connections_account unique (platform, account)
);

-- Deliveries already applied (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID).
create table platform_webhook_deliveries (
    platform    varchar(20)  not null,
    delivery_id varchar(255) not null,
    store_id    uuid         not null references stores (id),
    received_at timestamptz  not null,
    primary key (platform, delivery_id)
);

-- A platform's order id -> the Beacon order it became.
create table platform_orders (
    store_id    uuid         not null references stores (id),
    platform    varchar(20)  not null,
    external_id varchar(64)  not null,
    order_id    uuid         not null references orders (id),
    updated_at  timestamptz,
    primary key (store_id, platform, external_id)
);
create index platform_orders_order on platform_orders (order_id);

-- A platform's fulfillment id -> the shipments it carries (fulfillment events name no number).
create table platform_fulfillments (
    store_id       uuid        not null references stores (id),
    platform       varchar(20) not null,
    fulfillment_id varchar(64) not null,
    shipment_id    uuid        not null references shipments (id),
    primary key (store_id, platform, fulfillment_id, shipment_id)
);
create index platform_fulfillments_shipment on platform_fulfillments (shipment_id);

-- Demo mode only: the generated key used when beacon.secrets.key is not set.
create table platform_secret_keys (
    id         int primary key,
    secret_key varchar(100) not null,
    created_at timestamptz  not null
);

-- OAuth installs in progress (public app): state nonce bound to a store.
create table shopify_oauth_states (
    state      varchar(64)  primary key,
    store_id   uuid         not null references stores (id),
    shop       varchar(255) not null,
    created_at timestamptz  not null
);
