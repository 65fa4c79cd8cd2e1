package dev.beacon.shipment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * A shipment's milestone, health or reason moved. Published inside the transaction that
 * stored the scans, so listeners that write (the notification outbox) commit with it.
 */
public record ShipmentStatusChanged(UUID storeId, UUID orderId, UUID shipmentId, String carrier, String trackingNumber,
		Milestone fromMilestone, Milestone toMilestone, Health fromHealth, Health toHealth, @Nullable Reason reason,
		@Nullable String statusText, @Nullable String statusLocation, @Nullable DeliveryWindow estimatedDelivery,
		@Nullable Instant occurredAt, TransitionCause cause, Instant recordedAt) {

	public boolean milestoneChanged() {
		return this.fromMilestone != this.toMilestone;
	}

}
