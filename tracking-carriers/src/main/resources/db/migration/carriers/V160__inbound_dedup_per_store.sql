-- Inbound webhook deduplication is per store: a delivery id seen for one store must not
-- suppress the same id sent for another store (two stores on one EasyPost account, or an
-- id guessed by another tenant). Same table and columns, wider primary key.
alter table carrier_webhook_deliveries drop constraint carrier_webhook_deliveries_pkey;
alter table carrier_webhook_deliveries add primary key (source, store_id, event_id);
