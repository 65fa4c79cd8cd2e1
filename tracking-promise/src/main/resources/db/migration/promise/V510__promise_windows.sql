-- The window the promise engine stated for a shipment, with its confidence, and the last day of the first
-- window it stated (a later window ending after it has slipped). Read by the tracking page through core's
-- EstimateConfidence; one row per shipment, rewritten when the engine states a new window.
create table promise_windows (
    shipment_id   uuid primary key,
    store_id      uuid not null,
    earliest      date not null,
    latest        date not null,
    confidence    numeric(4, 3) not null,
    first_latest  date not null,
    stated_at     timestamptz not null
);
create index promise_windows_store on promise_windows (store_id);
