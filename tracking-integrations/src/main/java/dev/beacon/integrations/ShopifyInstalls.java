package dev.beacon.integrations;

import java.util.UUID;

/**
 * The Shopify public app's install links (implemented in the {@code shopify} package).
 */
public interface ShopifyInstalls {

	/** Whether the operator configured the public app (client id and secret). */
	boolean available();

	/** Issues a single-use state bound to the store and shop; answers the link. */
	String installUrl(UUID storeId, String shop);

	/**
	 * Exchanges the code of a callback Shopify signed for the shop's offline access
	 * token; throws {@link IntegrationException} when Shopify does not issue one.
	 */
	String exchange(String shop, String code);

}
