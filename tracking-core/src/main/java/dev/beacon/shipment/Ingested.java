package dev.beacon.shipment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;

/**
 * What a carrier conversation left behind: how many scans were new, and the shipment's
 * state after it (what a poller needs to decide when to ask again).
 */
public record Ingested(int newScans, Milestone milestone, Health health, @Nullable Instant shippedAt, Instant createdAt,
		@Nullable Instant deliveredAt, @Nullable Instant lastEventAt) {

	/** The state of a shipment as read, with no new scans. */
	public static Ingested of(ShipmentView v) {
		return new Ingested(0, v.milestone(), v.health(), v.shippedAt(), v.createdAt(), v.deliveredAt(),
				v.lastEventAt());
	}

}
