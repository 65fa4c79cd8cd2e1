package dev.beacon.integrations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A store's connection to its shop. {@code token} and {@code signingSecret} are the
 * decrypted credentials: never shown, never logged; both are empty when
 * {@code credentialsReadable} is false (sealed with another {@code beacon.secrets.key}:
 * the store must reconnect).
 *
 * @param account the shop domain (Shopify) or site URL (WooCommerce)
 * @param mode {@code custom} (credentials pasted by the merchant) or {@code oauth}
 * @param verified whether the platform accepted these credentials for the account when
 * they were connected (false for claims older than that check, and migrated webhooks-only
 * shops)
 */
public record Connection(UUID id, UUID storeId, String platform, String account, String token, String signingSecret,
		String mode, boolean active, int backfillDays, boolean writeBack, boolean confirmOrders,
		String subscriptionStatus, @Nullable String subscriptionError, int subscriptionAttempts, String backfillStatus,
		int backfillImported, int backfillPages, @Nullable String backfillError, Instant connectedAt, boolean verified,
		boolean credentialsReadable) {

	public static final String SHOPIFY = "shopify";

	public static final String WOOCOMMERCE = "woocommerce";

	/**
	 * What a connection whose credentials cannot be decrypted shows, and records as the
	 * error of a sync it cannot run.
	 */
	public static final String UNREADABLE = "credentials unreadable: reconnect";

}
