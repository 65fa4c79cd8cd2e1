package dev.beacon.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The shopper whose data is being erased, with the contact details as they were, so a
 * module can find and scrub copies of them in free text.
 */
public record ErasedShopper(UUID storeId, UUID orderId, String orderNumber, @Nullable String name,
		@Nullable String email, @Nullable String phone, Instant erasedAt) {
}
