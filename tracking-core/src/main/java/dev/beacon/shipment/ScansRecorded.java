package dev.beacon.shipment;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/**
 * A conversation with a carrier ended; {@code newScans} were stored (0 for none or a
 * failure). When some were new, {@code after} says what listeners need of the shipment
 * and its history, so that none reads them again.
 */
public record ScansRecorded(UUID storeId, UUID shipmentId, String carrier, int newScans, PollOutcome outcome,
		@Nullable After after) {

	/** No new scan: nothing more to tell. */
	public ScansRecorded(UUID storeId, UUID shipmentId, String carrier, int newScans, PollOutcome outcome) {
		this(storeId, shipmentId, carrier, newScans, outcome, null);
	}

	/**
	 * The shipment once the new scans are stored and its status derived.
	 *
	 * @param orderId its order
	 * @param trackingNumber its number
	 * @param milestone its milestone now
	 * @param estimatedDelivery its delivery window now
	 * @param lastEventAt the time of its newest scan
	 * @param newest its newest scan (by time, the last stored first among equal times)
	 * @param earlierCountries the countries (upper case) of its other scans, those that
	 * name one
	 */
	public record After(UUID orderId, String trackingNumber, Milestone milestone,
			@Nullable DeliveryWindow estimatedDelivery, @Nullable Instant lastEventAt, Newest newest,
			Set<String> earlierCountries) {

		/** From the history just folded, in the order {@link StatusFold} reads it. */
		static After of(Shipment s, List<FoldedScan> history) {
			FoldedScan newest = history.get(history.size() - 1);
			Set<String> earlier = new HashSet<>();
			for (FoldedScan e : history.subList(0, history.size() - 1)) {
				if (e.getLocation().country() != null) {
					earlier.add(e.getLocation().country().toUpperCase(Locale.ROOT));
				}
			}
			return new After(s.getOrderId(), s.getTrackingNumber(), s.status().milestone(),
					s.status().estimatedDelivery(), s.status().lastEventAt(),
					new Newest(newest.getOccurredAt(), newest.getLocation(), newest.getRawText()), Set.copyOf(earlier));
		}

	}

	/** A scan as shown: when, where, and its text. */
	public record Newest(Instant occurredAt, ScanLocation location, String description) {
	}

}
