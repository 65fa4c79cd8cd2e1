package dev.beacon.shipment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Add a tracking number to an order. {@code carrier} is a registry code; without it,
 * {@code carrierName} (and optionally the carrier's public {@code trackingUrl}) names a
 * carrier outside the registry; without either, Beacon detects the carrier.
 */
public record RegisterShipment(String trackingNumber, @Nullable String carrier, @Nullable String service,
		@Nullable Instant shippedAt, @Nullable String carrierName, @Nullable String trackingUrl) {

	public RegisterShipment(String trackingNumber, @Nullable String carrier, @Nullable String service,
			@Nullable Instant shippedAt) {
		this(trackingNumber, carrier, service, shippedAt, null, null);
	}

}
