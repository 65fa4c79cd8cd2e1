package dev.beacon.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;

/**
 * Something worth telling a shopper, decided by the policy, before channels and
 * rendering.
 *
 * @param discriminator makes repeatable news (a second slip, a second attempt) a new
 * message; empty for once-only news
 * @param transitionAt when the status changed (latency is measured from here)
 */
public record News(Trigger trigger, @Nullable String variant, String discriminator, UUID storeId, UUID orderId,
		@Nullable UUID shipmentId, @Nullable String carrier, @Nullable String trackingNumber,
		@Nullable DeliveryWindow window, @Nullable String location, @Nullable String statusText,
		@Nullable LocalDate lastScan, @Nullable String contactEmail, Instant transitionAt) {

	static News ofOrder(Trigger trigger, UUID storeId, UUID orderId, String discriminator,
			@Nullable String contactEmail, Instant at) {
		return new News(trigger, null, discriminator, storeId, orderId, null, null, null, null, null, null, null,
				contactEmail, at);
	}

}
