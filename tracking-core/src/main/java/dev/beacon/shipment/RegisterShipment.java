package dev.beacon.shipment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Add a tracking number to an order; without a carrier, Beacon detects it. */
public record RegisterShipment(String trackingNumber, @Nullable String carrier, @Nullable String service,
		@Nullable Instant shippedAt) {
}
