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
 * {@code carrierName} and {@code trackingUrl} are resolved for presentation: the
 * registry's name and link for a registry carrier, the store's for any other (whose
 * {@code carrier} is {@link CarrierDirectory#OTHER}). {@code source} says where news
 * comes from ({@code direct:ups}, {@code 17track}, {@code easypost}, {@code store}), null
 * while none follows it.
 */
public record ShipmentView(UUID id, UUID storeId, UUID orderId, String carrier, boolean carrierPinned,
		String trackingNumber, @Nullable String service, @Nullable Instant shippedAt, Milestone milestone,
		Health health, @Nullable Reason reason, boolean actionRequired, @Nullable String statusText,
		@Nullable String statusLocation, @Nullable DeliveryWindow estimatedDelivery,
		@Nullable DeliveryWindow carrierEstimate, @Nullable Instant deliveredAt, @Nullable Instant lastEventAt,
		@Nullable Instant nextPollAt, @Nullable Instant lastPolledAt, @Nullable PollOutcome lastPollOutcome,
		@Nullable String lastPollDetail, Instant createdAt, List<ScanView> events, String carrierName,
		@Nullable String trackingUrl, @Nullable String source) {

	/** The registry code, or null for a carrier outside the registry. */
	public @Nullable String carrierCode() {
		return CarrierDirectory.OTHER.equals(this.carrier) ? null : this.carrier;
	}

	static ShipmentView of(Shipment s, List<ScanView> events, CarrierDirectory directory) {
		ShipmentStatusColumns c = s.status();
		return new ShipmentView(s.getId(), s.getStoreId(), s.getOrderId(), s.getCarrier(), s.isCarrierPinned(),
				s.getTrackingNumber(), s.getService(), s.getShippedAt(), c.milestone(), c.health(), c.reason(),
				c.actionRequired(), c.statusText(), c.statusLocation(), c.estimatedDelivery(), c.carrierEstimate(),
				c.deliveredAt(), c.lastEventAt(), s.getNextPollAt(), c.lastPolledAt(), c.lastPollOutcome(),
				c.lastPollDetail(), s.getCreatedAt(), events,
				carrierName(s.getCarrier(), s.getCarrierName(), directory),
				trackingUrl(s.getCarrier(), s.getTrackingNumber(), s.getTrackingUrl(), directory), s.getSource());
	}

	/** The store's name for a carrier it named, else the registry's. */
	static String carrierName(String carrier, @Nullable String storeName, CarrierDirectory directory) {
		return (storeName != null) ? storeName : directory.displayName(carrier);
	}

	/** The store's link for a carrier outside the registry, else the registry's. */
	static @Nullable String trackingUrl(String carrier, String trackingNumber, @Nullable String storeUrl,
			CarrierDirectory directory) {
		return CarrierDirectory.OTHER.equals(carrier) ? storeUrl : directory.publicTrackingUrl(carrier, trackingNumber);
	}

}
