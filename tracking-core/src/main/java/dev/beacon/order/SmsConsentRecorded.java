package dev.beacon.order;

import java.time.Instant;
import java.util.UUID;

/** A shopper said yes or no to text messages for an order's phone number. */
public record SmsConsentRecorded(UUID storeId, UUID orderId, String phone, boolean consented, String source,
		Instant at) {
}
