-- 1.2M delivered rows for store :'store' (psql -v store=<uuid>): 50 lanes (5 carriers/services x 10
-- destination regions, from NY), ordered over two years, handed over 1-2 days and delivered 2-15
-- days later; the same rows for the same seed. For bench/promise-load.sh.
select setseed(0.13);
insert into delivery_history (store_id, order_number, carrier, service, placed_at, shipped_at, delivered_at,
  promised_by, origin_region, origin_country, destination_region, destination_postal_code, destination_country, status)
select :'store'::uuid, 'M-' || g, (array['ups','fedex','usps','dhl','ontrac'])[1 + g % 5],
       (array['ground','express','priority','parcel','standard'])[1 + g % 5],
       p.placed, p.placed + p.ship, p.placed + p.ship + p.transit,
       (p.placed + interval '7 days')::date, 'NY', 'US',
       (array['CA','TX','FL','IL','WA','MA','GA','CO','AZ','OH'])[1 + (g / 5) % 10], '10001', 'US', 'DELIVERED'
from generate_series(1, 1200000) g,
     -- "+ 0 * g": a fresh draw per row (without it the subquery runs once)
     lateral (select timestamptz '2024-12-01 00:00Z' + (random() + 0 * g) * interval '730 days' as placed,
                     interval '1 day' * (1 + floor(random() * 2 + 0 * g)) + interval '3 hours' as ship,
                     interval '1 day' * (2 + floor(random() * 14 + 0 * g)) + interval '2 hours' as transit) p;
