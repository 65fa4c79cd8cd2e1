package dev.beacon.shipment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/** A shipment's derived status at one moment: the result of folding its scans. */
record ShipmentState(Milestone milestone, Health health, @Nullable Reason reason, boolean actionRequired,
		@Nullable String statusText, @Nullable String statusLocation, @Nullable Instant deliveredAt,
		@Nullable Instant lastEventAt) {

	static ShipmentState of(Shipment s) {
		ShipmentStatusColumns c = s.status();
		return new ShipmentState(c.milestone(), c.health(), c.reason(), c.actionRequired(), c.statusText(),
				c.statusLocation(), c.deliveredAt(), c.lastEventAt());
	}

	boolean sameStatus(ShipmentState other) {
		return this.milestone == other.milestone && this.health == other.health && this.reason == other.reason;
	}

}
