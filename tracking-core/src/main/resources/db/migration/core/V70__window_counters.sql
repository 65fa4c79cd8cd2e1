-- Counters in fixed windows shared by every instance (dev.beacon.common.WindowCounters), e.g. the console's
-- failed sign-ins per client. key: '<purpose>|<subject>'; a window restarts once it has ended.
create table window_counters (
    key         varchar(300) primary key,
    count       integer     not null default 0,
    window_ends timestamptz not null
);
create index window_counters_window_idx on window_counters (window_ends);
