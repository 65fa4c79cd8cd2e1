package dev.beacon.shipment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;

/**
 * A shipment's estimated delivery window moved (a later {@code latest} means it slipped).
 */
public record DeliveryWindowChanged(UUID storeId, UUID orderId, UUID shipmentId, @Nullable DeliveryWindow previous,
		@Nullable DeliveryWindow current, TransitionCause cause) {

	public boolean slipped() {
		return this.previous != null && this.current != null && this.current.latest().isAfter(this.previous.latest());
	}

}
