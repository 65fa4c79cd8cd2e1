package dev.beacon.integrations;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.order.OrderConfirmations;

/**
 * Orders from Shopify or WooCommerce get Beacon's order confirmation only when the store
 * turned it on for that connection ({@code confirmOrders}): the platform already sends
 * one.
 */
@Component
class PlatformOrderConfirmations implements OrderConfirmations {

	private final Connections connections;

	PlatformOrderConfirmations(Connections connections) {
		this.connections = connections;
	}

	@Override
	public @Nullable Boolean confirms(UUID storeId, String source) {
		if (!Connection.SHOPIFY.equals(source) && !Connection.WOOCOMMERCE.equals(source)) {
			return null;
		}
		return this.connections.confirmsOrders(storeId, source);
	}

}
