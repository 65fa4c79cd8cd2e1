-- Proofs for wrk, computed the way the app computes them (TrackingLinks, AccessGrants):
--   mac(slug, subject, e)  = base64url-nopad(HMAC-SHA256(link-secret, slug || '\n' || subject || '\n' || e))
--   signed link ?k=        = e || '.' || mac(slug, orderNumber, e)
--   grant cookie value     = e1 || '.' || e2 || '.' || mac(slug, orderNumber || '\ngrant\n' || e1, e2)
-- One line per sampled order of store :k: order number, cookie value, link token (tab-separated).
set search_path = beacon, public;
with b as (select * from public.bench_stores where k = :k),
o as (select 'BO-' || g as n, b.slug from b, generate_series(b.lo, b.hi) g order by md5(g::text) limit :sample),
t as (select extract(epoch from now() + interval '100 minutes')::bigint as e1,
             extract(epoch from now() + interval '30 days')::bigint as e2)
select n,
       t.e1 || '.' || t.e2 || '.' || rtrim(translate(encode(hmac(convert_to(o.slug || E'\n' || n || E'\ngrant\n' || t.e1 || E'\n' || t.e2, 'UTF8'), convert_to(:'secret', 'UTF8'), 'sha256'), 'base64'), '+/', '-_'), '='),
       t.e2 || '.' || rtrim(translate(encode(hmac(convert_to(o.slug || E'\n' || n || E'\n' || t.e2, 'UTF8'), convert_to(:'secret', 'UTF8'), 'sha256'), 'base64'), '+/', '-_'), '=')
from o, t;
