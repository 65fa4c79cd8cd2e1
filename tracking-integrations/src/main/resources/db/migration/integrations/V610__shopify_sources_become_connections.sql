-- Shopify shops connected through the carriers module (carrier_webhook_sources, source
-- 'shopify', /webhooks/carriers/shopify) become platform connections: that path is now an
-- alias of /webhooks/shopify, which verifies with platform_connections. Additive: the old
-- rows stay as they are (readable, no longer consulted).
--
-- Such a shop gave Beacon only its webhook secret (no Admin API token): mode 'webhooks',
-- nothing to subscribe or backfill. The secret was kept in clear there; it is copied with
-- the prefix 'plain:' and sealed (AES-GCM, beacon.secrets.key) at start once a key is set.
-- A store or shop that already has a platform connection keeps it. Written to be re-runnable.
do $$
begin
    if to_regclass('carrier_webhook_sources') is null then
        return;
    end if;

    insert into platform_connections (id, store_id, platform, account, token, signing_secret, mode,
        active, backfill_days, subscription_status, backfill_status, connected_at, updated_at)
    select s.id, s.store_id, 'shopify', lower(s.account), 'plain:', 'plain:' || s.secret, 'webhooks',
        true, 0, 'none', 'none', s.created_at, now()
    from carrier_webhook_sources s
    where s.source = 'shopify'
      and not exists (select 1 from platform_connections c
                      where c.platform = 'shopify' and (c.store_id = s.store_id or c.account = lower(s.account)))
    on conflict do nothing;

    -- Their fulfillments, so fulfillment_events/create still finds the shipments.
    if to_regclass('shopify_fulfillments') is not null then
        insert into platform_fulfillments (store_id, platform, fulfillment_id, shipment_id)
        select f.store_id, 'shopify', f.fulfillment_id, f.shipment_id from shopify_fulfillments f
        on conflict do nothing;
    end if;

    -- Deliveries already applied, so a retry of one of them is still a no-op.
    if to_regclass('carrier_webhook_deliveries') is not null then
        insert into platform_webhook_deliveries (platform, delivery_id, store_id, received_at)
        select 'shopify', d.event_id, d.store_id, d.received_at from carrier_webhook_deliveries d
        where d.source = 'shopify'
        on conflict do nothing;
    end if;
end
$$;
