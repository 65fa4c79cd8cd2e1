-- Failed-proof counters of the tracking page's order lookup, shared by every instance.
-- key: 'order|<store id>|<ORDER NUMBER>|<client>' or 'global'; a window restarts once it ended.
create table page_proof_failures (
    key varchar(300) primary key,
    failures integer not null default 0,
    window_ends timestamptz not null
);
create index page_proof_failures_window_idx on page_proof_failures (window_ends);
