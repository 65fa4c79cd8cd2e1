-- An agent's replies to a help request (emailed to the shopper). Personal data: erased with the
-- order's personal data, and by retention.
create table help_replies (
    id              uuid primary key,
    store_id        uuid          not null references stores (id),
    help_request_id uuid          not null references help_requests (id),
    author          varchar(100)  not null,
    text            varchar(4000) not null,
    created_at      timestamptz   not null
);
create index help_replies_request on help_replies (help_request_id, created_at);
create index help_replies_age on help_replies (created_at) where text <> '[erased]';
