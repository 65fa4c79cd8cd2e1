package dev.beacon.integrations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one platform package tells {@link PlatformSync}: how to check credentials before
 * they claim an account, how to subscribe Beacon's webhooks and how to read one page of
 * recent orders. The connect, backfill and retry logic around them is written once, in
 * {@link PlatformSync}.
 */
public interface PlatformClient {

	/** {@link Connection#SHOPIFY} or {@link Connection#WOOCOMMERCE}. */
	String platform();

	/**
	 * Proves that {@code token} (a Shopify access token; WooCommerce keys as
	 * {@link WooCommerceKeys#stored()}) opens this account's API, with one cheap
	 * authenticated call and no retry. Throws {@link IntegrationException}:
	 * {@code REFUSED} when the platform did not accept them for this account,
	 * {@code PLATFORM} when it did not answer.
	 */
	void verify(String account, String token);

	/**
	 * Creates Beacon's webhook subscriptions at the platform, delivered under
	 * {@code publicBaseUrl}; throws {@link IntegrationException} when the platform
	 * refuses.
	 */
	void subscribe(Connection c, String publicBaseUrl);

	/**
	 * One page of the orders of the last {@code c.backfillDays()}: {@code cursor} is null
	 * for the first page, then the previous page's {@link Page#next()}.
	 */
	Page page(Connection c, @Nullable String cursor);

	/** Orders of one page, and the cursor of the next page (null after the last). */
	record Page(List<SyncedOrder> orders, @Nullable String next) {
	}

}
