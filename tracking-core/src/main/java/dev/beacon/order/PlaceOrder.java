package dev.beacon.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The command to record a new order. Inputs are validated at the edge (API, import,
 * console).
 *
 * @param smsConsent the shopper's answer to "text me updates" when the store asked (null:
 * not asked)
 * @param source where the order (and its consent) comes from, such as {@code api}
 */
public record PlaceOrder(String orderNumber, Instant placedAt, Customer customer, @Nullable Address destination,
		@Nullable Address origin, @Nullable LocalDate promisedBy, List<OrderItem> items, boolean test,
		@Nullable Boolean smsConsent, String source) {

	public PlaceOrder(String orderNumber, Instant placedAt, Customer customer, @Nullable Address destination,
			@Nullable Address origin, @Nullable LocalDate promisedBy, List<OrderItem> items, boolean test) {
		this(orderNumber, placedAt, customer, destination, origin, promisedBy, items, test, null, "api");
	}

}
