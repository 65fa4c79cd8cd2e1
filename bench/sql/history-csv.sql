-- A delivery-history CSV of :rows rows in the import's format (docs/reports.md): lanes with
-- their own transit times, 1% lost. Used by bench/run.sh for the history import scenario.
copy (
  select 'HI-' || :'tag' || '-' || i as order_number,
         to_char(p, 'YYYY-MM-DD"T"10:00:00"Z"') as placed_at,
         to_char(p + interval '1 day', 'YYYY-MM-DD"T"16:00:00"Z"') as shipped_at,
         case when i % 100 = 0 then null else to_char(p + (2 + i % 5) * interval '1 day', 'YYYY-MM-DD"T"14:00:00"Z"') end as delivered_at,
         to_char(p + interval '5 days', 'YYYY-MM-DD') as promised_by,
         'CA' as origin_region, 'US' as origin_country,
         (array['CA','NY','TX','FL','WA'])[1 + i % 5] as destination_region, '9000' || (i % 10) as destination_postal_code,
         'US' as destination_country, (array['ups','ups','fedex','usps','ups'])[1 + i % 5] as carrier,
         (array['ground','ground','express','priority','ground'])[1 + i % 5] as service,
         case when i % 100 = 0 then 'lost' else 'delivered' end as status
  from generate_series(1, :rows) i, lateral (select date '2026-01-05' + (i * 7) % 300 as p) d
) to stdout with (format csv, header);
