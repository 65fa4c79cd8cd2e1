package dev.beacon.shipment;

import java.util.UUID;

/**
 * A store removed a shipment added by mistake. Not news for the shopper or the store's
 * backend: listeners only forget what they keep about it.
 */
public record ShipmentRemoved(UUID storeId, UUID orderId, UUID shipmentId, String carrier, String trackingNumber) {
}
