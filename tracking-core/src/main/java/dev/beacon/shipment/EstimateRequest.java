package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Address;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/** Everything an estimator may use to place a shipment's delivery window. */
public record EstimateRequest(UUID storeId, UUID shipmentId, String carrier, @Nullable String service, Address origin,
		Address destination, Instant placedAt, @Nullable Instant shippedAt, @Nullable LocalDate promisedBy,
		Milestone milestone, @Nullable Instant lastEventAt, @Nullable DeliveryWindow carrierEstimate, ZoneId zone,
		Instant now) {
}
