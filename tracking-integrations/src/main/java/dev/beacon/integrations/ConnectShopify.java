package dev.beacon.integrations;

import org.jspecify.annotations.Nullable;

/**
 * A Shopify custom app's credentials (API {@code PUT /api/v1/integrations/shopify},
 * console form).
 *
 * @param shopDomain the shop's myshopify domain
 * @param accessToken the Admin API access token ({@code shpat_...})
 * @param apiSecret the API secret key, which signs Shopify's webhooks
 * @param backfillDays days of orders to import (default
 * {@code beacon.integrations.backfill-days})
 * @param writeBack send Beacon's milestones back to Shopify as fulfillment events
 * @param confirmOrders send Beacon's order confirmation for Shopify orders too
 */
public record ConnectShopify(@Nullable String shopDomain, @Nullable String accessToken, @Nullable String apiSecret,
		@Nullable Integer backfillDays, @Nullable Boolean writeBack, @Nullable Boolean confirmOrders) {
}
