package dev.beacon.order;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import dev.beacon.status.Milestone;

/**
 * The status of an order, derived from its shipments (split shipments are normal). See
 * {@link #derive(Collection)}.
 */
public enum OrderStatus {

	ORDERED, LABEL_CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP,
	PARTIALLY_DELIVERED, DELIVERED, RETURNING, RETURNED, EXPIRED, CANCELLED;

	/**
	 * Derives an order's status from its shipments' milestones:
	 * <ul>
	 * <li>no shipment: ORDERED; only cancelled shipments: CANCELLED;</li>
	 * <li>every live shipment delivered: DELIVERED; some delivered:
	 * PARTIALLY_DELIVERED;</li>
	 * <li>otherwise the least advanced live shipment speaks for the order.</li>
	 * </ul>
	 */
	public static OrderStatus derive(Collection<Milestone> shipments) {
		if (shipments.isEmpty()) {
			return ORDERED;
		}
		List<Milestone> live = shipments.stream().filter((m) -> m != Milestone.CANCELLED).toList();
		if (live.isEmpty()) {
			return CANCELLED;
		}
		long delivered = live.stream().filter((m) -> m == Milestone.DELIVERED).count();
		if (delivered == live.size()) {
			return DELIVERED;
		}
		if (delivered > 0) {
			return PARTIALLY_DELIVERED;
		}
		Milestone least = live.stream().min(Comparator.comparingInt(Milestone::rank)).orElseThrow();
		return valueOf(least.name());
	}

}
