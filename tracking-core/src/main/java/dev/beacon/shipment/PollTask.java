package dev.beacon.shipment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Milestone;

/** A shipment claimed for polling, with what an adapter needs to ask its carrier. */
public record PollTask(UUID shipmentId, UUID storeId, String carrier, String trackingNumber, @Nullable String service,
		@Nullable Instant shippedAt, Instant createdAt, Milestone milestone, @Nullable Instant lastEventAt,
		@Nullable String lastPollOutcome) {
}
