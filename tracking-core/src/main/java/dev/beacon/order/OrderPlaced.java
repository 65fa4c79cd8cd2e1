package dev.beacon.order;

import java.util.UUID;

/**
 * A store recorded a new order.
 *
 * @param source where it came from ({@code api}, {@code console}, {@code shopify}...)
 * @param confirm whether Beacon confirms it to the shopper ({@code order_confirmed}):
 * false for orders from a platform that confirms them itself, unless the store asked (see
 * {@link OrderConfirmations})
 */
public record OrderPlaced(UUID storeId, UUID orderId, String orderNumber, boolean test, String source,
		boolean confirm) {

	public OrderPlaced(UUID storeId, UUID orderId, String orderNumber, boolean test) {
		this(storeId, orderId, orderNumber, test, "api", true);
	}

}
