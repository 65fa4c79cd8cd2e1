package dev.beacon.order;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Progress;

/**
 * The status of an order, derived from its shipments (split shipments are normal). See
 * {@link #derive(Collection)}, the one order rule.
 */
public enum OrderStatus {

	ORDERED, LABEL_CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP,
	PARTIALLY_DELIVERED, DELIVERED, RETURNING, RETURNED, EXPIRED, CANCELLED;

	/** An order's derived status and health. */
	public record Derived(OrderStatus status, Health health) {

		/**
		 * As an order keeps it: a cancelled order stays CANCELLED whatever its parcels do
		 * (its health still follows them).
		 */
		public Derived forOrder(boolean cancelled) {
			return cancelled ? new Derived(CANCELLED, this.health) : this;
		}

	}

	/**
	 * The order rule, whole: the status as {@link #status(Collection)} says; the health
	 * is the worst health of the parcels still on their way (neither delivered nor
	 * cancelled), and ON_TRACK once the order is delivered.
	 */
	public static Derived derive(Collection<Progress> parcels) {
		OrderStatus status = status(parcels.stream().map(Progress::milestone).toList());
		Health health = parcels.stream()
			.filter((p) -> p.milestone() != Milestone.DELIVERED && p.milestone() != Milestone.CANCELLED)
			.map(Progress::health)
			.reduce(Health.ON_TRACK, Health::worst);
		return new Derived(status, (status == DELIVERED) ? Health.ON_TRACK : health);
	}

	/**
	 * Derives an order's status from its shipments' milestones:
	 * <ul>
	 * <li>no shipment: ORDERED; only cancelled shipments: CANCELLED;</li>
	 * <li>every live shipment delivered: DELIVERED; some delivered:
	 * PARTIALLY_DELIVERED;</li>
	 * <li>otherwise the least advanced live shipment speaks for the order.</li>
	 * </ul>
	 */
	public static OrderStatus status(Collection<Milestone> shipments) {
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
