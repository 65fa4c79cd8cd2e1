package dev.beacon.shipment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * A shipment with its scans (newest first), read in one go for pages, API and console.
 */
public record ShipmentView(UUID id, UUID storeId, UUID orderId, String carrier, boolean carrierPinned,
		String trackingNumber, @Nullable String service, @Nullable Instant shippedAt, Milestone milestone,
		Health health, @Nullable Reason reason, boolean actionRequired, @Nullable String statusText,
		@Nullable String statusLocation, @Nullable DeliveryWindow estimatedDelivery,
		@Nullable DeliveryWindow carrierEstimate, @Nullable Instant deliveredAt, @Nullable Instant lastEventAt,
		@Nullable Instant nextPollAt, @Nullable Instant lastPolledAt, @Nullable PollOutcome lastPollOutcome,
		@Nullable String lastPollDetail, Instant createdAt, List<ScanView> events) {

	static ShipmentView of(Shipment s, List<ScanView> events) {
		return new ShipmentView(s.getId(), s.getStoreId(), s.getOrderId(), s.getCarrier(), s.isCarrierPinned(),
				s.getTrackingNumber(), s.getService(), s.getShippedAt(), s.getMilestone(), s.getHealth(), s.getReason(),
				s.isActionRequired(), s.getStatusText(), s.getStatusLocation(), s.getEstimatedDelivery(),
				s.getCarrierEstimate(), s.getDeliveredAt(), s.getLastEventAt(), s.getNextPollAt(), s.getLastPolledAt(),
				s.getLastPollOutcome(), s.getLastPollDetail(), s.getCreatedAt(), events);
	}

}
