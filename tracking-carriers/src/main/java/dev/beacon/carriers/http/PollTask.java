package dev.beacon.carriers.http;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;

/**
 * A shipment claimed for polling, with what an adapter needs to ask its carrier (the
 * input of {@link CarrierAdapter#track}).
 */
public record PollTask(UUID shipmentId, UUID storeId, String carrier, String trackingNumber, @Nullable String service,
		@Nullable Instant shippedAt, Instant createdAt, Milestone milestone, @Nullable Instant lastEventAt,
		@Nullable String lastPollOutcome) {

	/** A task for a shipment as read (an on-demand refresh). */
	public static PollTask of(ShipmentView v) {
		return new PollTask(v.id(), v.storeId(), v.carrier(), v.trackingNumber(), v.service(), v.shippedAt(),
				v.createdAt(), v.milestone(), v.lastEventAt(),
				(v.lastPollOutcome() != null) ? v.lastPollOutcome().name() : null);
	}

}
