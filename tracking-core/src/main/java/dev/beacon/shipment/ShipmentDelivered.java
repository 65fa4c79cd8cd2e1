package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Address;

/**
 * A shipment reached DELIVERED (from any other milestone). Carries the lane and the dates
 * a learner needs, so listeners never read back into core: the order's number, origin,
 * destination, when it was placed and promised, the carrier and service, when the parcel
 * was handed over and delivered, and the store's time zone. Published inside the
 * transaction that stored the scans, next to {@link ShipmentStatusChanged}.
 *
 * @param testOrder whether the order is a test order (learners skip those)
 */
public record ShipmentDelivered(UUID storeId, UUID orderId, UUID shipmentId, String orderNumber, String carrier,
		@Nullable String service, Address origin, Address destination, Instant placedAt, @Nullable Instant shippedAt,
		Instant deliveredAt, @Nullable LocalDate promisedBy, ZoneId zone, boolean testOrder, TransitionCause cause) {
}
