package dev.beacon.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Whether Beacon sends its order confirmation for orders of a source. Implemented by
 * modules that place orders on a store's behalf (store platforms, which confirm orders
 * themselves); without an answer, every order is confirmed.
 */
public interface OrderConfirmations {

	/** True or false for the sources this implementation owns, null for the others. */
	@Nullable Boolean confirms(UUID storeId, String source);

}
