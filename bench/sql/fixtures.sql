-- Bench fixtures: 10 stores (a few big, most small), one API key per store with a known
-- plaintext (bk_bench_<k>_0123456789abcdef, stored as its SHA-256 hex like StoreManagement.hash),
-- an EasyPost webhook source per store (secret whsec_bench_<k>), and the share of orders each
-- store gets. Usage: psql -v orders=N -f fixtures.sql (schema beacon, created by the app's Flyway).
\set ON_ERROR_STOP on
set client_min_messages = warning;
set search_path = beacon, public;
create extension if not exists pgcrypto with schema public;
drop table if exists public.bench_stores;
create table public.bench_stores (k int primary key, id uuid not null, slug text not null, lo bigint not null, hi bigint not null);
with w(k, share) as (values (1, .40), (2, .25), (3, .15), (4, .05), (5, .05), (6, .04), (7, .03), (8, .015), (9, .01), (10, .005)),
c as (select k, share, sum(share) over (order by k) as cum from w)
insert into public.bench_stores
select k, md5('bench-store-' || k)::uuid, 'bench-' || k,
       round((cum - share) * :orders)::bigint + 1, round(cum * :orders)::bigint
from c;
insert into stores (id, slug, name, brand_primary_color, brand_accent_color, support_email, default_locale, time_zone,
                    created_at, version)
select id, slug, 'Bench store ' || k, '#1f4e79', '#f28c28', 'help@bench-' || k || '.example', 'en',
       (array['America/New_York','America/Los_Angeles','Europe/Berlin','America/Sao_Paulo','UTC'])[1 + k % 5],
       now() - interval '2 years', 0
from public.bench_stores
on conflict (id) do nothing;
insert into api_keys (id, store_id, label, prefix, key_hash, created_at, version)
select md5('bench-key-' || k)::uuid, id, 'bench', substr('bk_bench_' || k || '_0123456789abcdef', 1, 8),
       encode(sha256(convert_to('bk_bench_' || k || '_0123456789abcdef', 'UTF8')), 'hex'), now(), 0
from public.bench_stores
on conflict (id) do nothing;
insert into carrier_webhook_sources (id, store_id, source, account, secret, created_at)
select md5('bench-ep-' || k)::uuid, id, 'easypost', slug, 'whsec_bench_' || k, now()
from public.bench_stores
on conflict (id) do nothing;
