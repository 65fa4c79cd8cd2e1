package dev.beacon.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The command to record a new order. Inputs are validated at the edge (API, import,
 * console).
 */
public record PlaceOrder(String orderNumber, Instant placedAt, Customer customer, @Nullable Address destination,
		@Nullable Address origin, @Nullable LocalDate promisedBy, List<OrderItem> items, boolean test) {
}
