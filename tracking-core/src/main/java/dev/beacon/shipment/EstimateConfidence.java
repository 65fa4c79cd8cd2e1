package dev.beacon.shipment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dev.beacon.status.DeliveryWindow;

/**
 * How sure a shipment's estimated window is, when the estimator that placed it knows: the
 * promise module's learned estimator states the share of comparable past parcels that
 * arrived by the window's last day. Owned by core so pages can say it without depending
 * on the promise module; without an implementation nothing is stated.
 */
public interface EstimateConfidence {

	/**
	 * What was stated for {@code window} on this shipment; empty when the window shown is
	 * not the one the estimator stated (a carrier's estimate, the fallback's).
	 */
	Optional<Stated> stated(UUID shipmentId, DeliveryWindow window);

	/**
	 * @param confidence share of comparable past parcels delivered by the window's last
	 * day (0..1)
	 * @param firstLatest the last day of the first window stated for the shipment (later
	 * windows that end after it have slipped)
	 */
	record Stated(double confidence, LocalDate firstLatest) {

		public boolean slipped(DeliveryWindow window) {
			return window.latest().isAfter(this.firstLatest);
		}

	}

}
