package dev.beacon.shipment;

import java.util.UUID;

/** A store added a tracking number to an order. */
public record ShipmentRegistered(UUID storeId, UUID orderId, UUID shipmentId, String carrier, String trackingNumber) {
}
