package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * A stored scan as read models show it: raw facts beside their normalized reading.
 * {@code rawPayload} is null when the scan was read for the shopper's page or the status
 * API, which never show it ({@link ShipmentManagement#ofOrderWithoutPayloads}).
 */
public record ScanView(long id, Instant occurredAt, @Nullable LocalDateTime localTime, @Nullable String zone,
		@Nullable Milestone milestone, Health health, @Nullable Reason reason, String description,
		ScanLocation location, String rawCode, @Nullable String rawPayload, String ruleId, String source) {

	static ScanView of(TrackingEvent e) {
		return new ScanView(e.getId(), e.getOccurredAt(), e.getLocalTime(), e.getZone(), e.getMilestone(),
				e.getHealth(), e.getReason(), e.getRawText(), e.getLocation(), e.getRawCode(), e.getRawPayload(),
				e.getRuleId(), e.getSource());
	}

}
