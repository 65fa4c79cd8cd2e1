package dev.beacon.shipment;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * When to ask again about a shipment whose answer brought nothing new, decided by the
 * poller while core records the answer, so that the record and the next poll time are one
 * update of the shipment's row (see
 * {@link ShipmentManagement#ingestAll(java.util.Map, TransitionCause, QuietPollSchedule)}).
 */
@FunctionalInterface
public interface QuietPollSchedule {

	/** Nothing decided here: the caller schedules every shipment itself. */
	QuietPollSchedule NONE = (id, result, update) -> null;

	/**
	 * The next poll of a shipment recorded without news; null: not decided here (the
	 * caller schedules or expires it after the batch).
	 */
	@Nullable Next next(UUID shipmentId, Ingested result, CarrierUpdate update);

	/**
	 * Ask again after {@code delay} (database time); a null delay: never again. A
	 * shipment removed by its store, or of a cancelled order, keeps its time.
	 */
	record Next(@Nullable Duration delay) {
	}

}
