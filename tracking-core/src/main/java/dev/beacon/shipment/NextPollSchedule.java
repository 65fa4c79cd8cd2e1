package dev.beacon.shipment;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * When to ask again about a shipment, decided by the poller while core records its
 * answer, so that the record and the next poll time commit together (see
 * {@link ShipmentManagement#ingestAll(java.util.Map, TransitionCause, NextPollSchedule)}):
 * an instance killed after the record cannot leave the shipment due again at the end of
 * its lease, to be polled a second time within its interval.
 */
@FunctionalInterface
public interface NextPollSchedule {

	/** Nothing decided here: the caller schedules every shipment itself. */
	NextPollSchedule NONE = (id, result, update) -> null;

	/**
	 * The next poll of a shipment just recorded; null: not decided here (its time stays
	 * as it is).
	 */
	@Nullable Next next(UUID shipmentId, Ingested result, CarrierUpdate update);

	/**
	 * Ask again after {@code delay} (database time); a null delay: never again;
	 * {@code expire}: the shipment has been silent too long and becomes EXPIRED (never
	 * asked again). A shipment removed by its store, or of a cancelled order, keeps its
	 * time.
	 */
	record Next(@Nullable Duration delay, boolean expire) {

		/** Ask again after {@code delay}; null: never again. */
		public static Next after(@Nullable Duration delay) {
			return new Next(delay, false);
		}

		/** Mark the shipment EXPIRED and stop asking. */
		public static Next expireNow() {
			return new Next(null, true);
		}

	}

}
