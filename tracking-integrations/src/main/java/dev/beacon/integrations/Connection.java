package dev.beacon.integrations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A store's connection to its shop. {@code token} and {@code signingSecret} are the
 * decrypted credentials: never shown, never logged.
 *
 * @param account the shop domain (Shopify) or site URL (WooCommerce)
 * @param mode {@code custom} (credentials pasted by the merchant) or {@code oauth}
 */
public record Connection(UUID id, UUID storeId, String platform, String account, String token, String signingSecret,
		String mode, boolean active, int backfillDays, boolean writeBack, boolean confirmOrders,
		String subscriptionStatus, @Nullable String subscriptionError, int subscriptionAttempts, String backfillStatus,
		int backfillImported, int backfillPages, @Nullable String backfillError, Instant connectedAt) {

	public static final String SHOPIFY = "shopify";

	public static final String WOOCOMMERCE = "woocommerce";

}
