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
 * Carries the store's slug and the order's number, so listeners (webhooks, messages) need
 * not read them back inside that transaction.
 */
public record ShipmentStatusChanged(UUID storeId, UUID orderId, UUID shipmentId, String carrier, String trackingNumber,
		Milestone fromMilestone, Milestone toMilestone, Health fromHealth, Health toHealth, @Nullable Reason reason,
		@Nullable String statusText, @Nullable String statusLocation, @Nullable DeliveryWindow estimatedDelivery,
		@Nullable Instant occurredAt, TransitionCause cause, Instant recordedAt, String storeSlug, String orderNumber) {

	public boolean milestoneChanged() {
		return this.fromMilestone != this.toMilestone;
	}

}
