package dev.beacon.shipment;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/**
 * A store added a tracking number to an order. Published before the new shipment's first
 * status is derived; carries its state then, so listeners need not read it back.
 */
public record ShipmentRegistered(UUID storeId, UUID orderId, UUID shipmentId, String carrier, String trackingNumber,
		String storeSlug, String orderNumber, Milestone milestone, @Nullable DeliveryWindow estimatedDelivery) {
}
