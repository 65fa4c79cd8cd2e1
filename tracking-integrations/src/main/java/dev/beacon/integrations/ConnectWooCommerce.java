package dev.beacon.integrations;

import org.jspecify.annotations.Nullable;

/**
 * A WooCommerce site's REST keys and the webhook secret the store chose (API
 * {@code PUT /api/v1/integrations/woocommerce}, console form).
 *
 * @param siteUrl the site's address
 * @param backfillDays days of orders to import
 * @param keysInQuery send the keys as query parameters (servers that strip Authorization)
 * @param confirmOrders send Beacon's order confirmation for WooCommerce orders too
 */
public record ConnectWooCommerce(@Nullable String siteUrl, @Nullable String consumerKey,
		@Nullable String consumerSecret, @Nullable String webhookSecret, @Nullable Integer backfillDays,
		@Nullable Boolean keysInQuery, @Nullable Boolean confirmOrders) {
}
