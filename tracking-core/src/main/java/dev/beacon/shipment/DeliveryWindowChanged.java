package dev.beacon.shipment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/**
 * A shipment's estimated delivery window moved (a later {@code latest} means it slipped).
 * Carries where the shipment stands after the move (carrier, number, milestone, status
 * text and place), what a "your parcel is late" message says.
 */
public record DeliveryWindowChanged(UUID storeId, UUID orderId, UUID shipmentId, @Nullable DeliveryWindow previous,
		@Nullable DeliveryWindow current, TransitionCause cause, String carrier, String trackingNumber,
		Milestone milestone, @Nullable String statusText, @Nullable String statusLocation) {

	public boolean slipped() {
		return this.previous != null && this.current != null && this.current.latest().isAfter(this.previous.latest());
	}

}
