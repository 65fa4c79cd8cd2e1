-- The daily retention job (issue 9): one row per job, so it runs once per day per cluster
-- (taken under a PostgreSQL advisory lock).
create table retention_runs (
    job         varchar(40) primary key,
    run_on      date        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    report      varchar(2000)
);
