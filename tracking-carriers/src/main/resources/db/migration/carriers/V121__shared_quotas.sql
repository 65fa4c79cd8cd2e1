-- Carrier and source quotas shared by every instance (issue 11): one row per budget and
-- period window, counted with an atomic upsert.
create table carrier_quota_usage (
    name         varchar(60) not null,
    window_start timestamptz not null,
    used         integer     not null,
    primary key (name, window_start)
);
