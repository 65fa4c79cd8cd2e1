-- Per-store SMS quiet hours (null: the instance default beacon.notify.quiet-start/-end).
alter table notify_store_settings add column quiet_start time;
alter table notify_store_settings add column quiet_end time;
