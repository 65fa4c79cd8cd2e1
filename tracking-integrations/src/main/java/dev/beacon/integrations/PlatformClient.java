package dev.beacon.integrations;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one platform package tells {@link PlatformSync}: how to subscribe Beacon's
 * webhooks and how to read one page of recent orders. The connect, backfill and retry
 * logic around them is written once, in {@link PlatformSync}.
 */
public interface PlatformClient {

	/** {@link Connection#SHOPIFY} or {@link Connection#WOOCOMMERCE}. */
	String platform();

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
