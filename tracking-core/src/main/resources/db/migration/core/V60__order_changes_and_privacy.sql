-- Orders change (issue 9): cancellation, SMS consent on the order, personal-data erasure,
-- and shipments removed by mistake (soft delete: every read path ignores removed rows).

alter table orders add column cancelled_at timestamptz;
alter table orders add column cancel_source varchar(40);
alter table orders add column sms_consent boolean;
alter table orders add column sms_consent_source varchar(40);
alter table orders add column sms_consent_at timestamptz;
alter table orders add column personal_data_erased_at timestamptz;
create index orders_finished on orders (updated_at)
    where status in ('DELIVERED', 'RETURNED', 'EXPIRED', 'CANCELLED') and personal_data_erased_at is null;

alter table shipments add column removed_at timestamptz;
-- A removed shipment must not block tracking the same number again on the right order.
alter table shipments drop constraint shipments_store_carrier_number;
create unique index shipments_store_carrier_number on shipments (store_id, carrier, tracking_number)
    where removed_at is null;
