package dev.beacon.shipment;

import java.util.UUID;

/**
 * A conversation with a carrier ended; {@code newScans} were stored (0 for none or a
 * failure).
 */
public record ScansRecorded(UUID storeId, UUID shipmentId, String carrier, int newScans, PollOutcome outcome) {
}
