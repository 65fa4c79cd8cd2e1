-- Carriers outside the registry (issue 11): a shipment keeps the carrier's name and its public
-- tracking link as the store gave them (carrier code 'other'), and the source its news comes from
-- (direct:<carrier>, 17track, easypost, store; null until a source takes it).
alter table shipments add column carrier_name varchar(120);
alter table shipments add column tracking_url varchar(500);
alter table shipments add column source varchar(40);
