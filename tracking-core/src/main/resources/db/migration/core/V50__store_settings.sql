-- Store settings an operator manages over the API (GET/PATCH /api/v1/store): support
-- hours shown to shoppers, and the shipping cutoff and handling days of the store's
-- warehouse. Additive, with defaults for existing stores.
alter table stores add column if not exists support_hours varchar(200);
alter table stores add column if not exists shipping_cutoff_time time not null default '14:00';
alter table stores add column if not exists shipping_handling_days integer not null default 1;
