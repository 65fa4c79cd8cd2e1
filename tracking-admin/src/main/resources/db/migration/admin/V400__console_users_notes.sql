-- tracking-admin: console users, their stores, internal notes and claims.

create table console_users (
    id              uuid primary key,
    username        varchar(80)  not null unique,
    display_name    varchar(120) not null,
    password_hash   varchar(200) not null,
    role            varchar(10)  not null,
    enabled         boolean      not null default true,
    failed_attempts integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null
);

create table console_user_stores (
    user_id  uuid not null references console_users (id) on delete cascade,
    store_id uuid not null references stores (id),
    primary key (user_id, store_id)
);

-- Notes, escalations and "delivered but not received" claims on an order.
create table order_notes (
    id          uuid primary key,
    store_id    uuid          not null references stores (id),
    order_id    uuid          not null references orders (id),
    kind        varchar(20)   not null,
    author      varchar(80)   not null,
    body        varchar(2000) not null,
    created_at  timestamptz   not null,
    resolved_at timestamptz
);
create index order_notes_order on order_notes (store_id, order_id, created_at desc);
create index order_notes_open on order_notes (store_id, kind, created_at) where resolved_at is null;
