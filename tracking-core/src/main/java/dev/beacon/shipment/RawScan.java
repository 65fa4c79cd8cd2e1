package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import dev.beacon.common.Hmac;

/**
 * One scan as a carrier reported it, before normalization. Adapters fill it from the
 * carrier's payload and never interpret it.
 *
 * @param rawCode the carrier's own event code
 * @param rawText the carrier's own description
 * @param rawPayload the JSON of this scan as received
 * @param occurredAt the instant (UTC) of the scan
 * @param localTime the wall-clock time at the scan's location, when the carrier gives one
 * @param zone the zone or offset of {@code localTime} when known (e.g. "-05:00" or an
 * IANA id)
 * @param location where it happened
 * @param dedupKey a stable key; null means "derive from code, time, location and text"
 */
public record RawScan(String rawCode, String rawText, String rawPayload, Instant occurredAt,
		@Nullable LocalDateTime localTime, @Nullable String zone, ScanLocation location, @Nullable String dedupKey) {

	public RawScan {
		rawCode = rawCode.strip();
		rawText = rawText.strip();
	}

	/** The key that makes a repeated delivery of the same scan a no-op. */
	public String effectiveDedupKey() {
		if (this.dedupKey != null && !this.dedupKey.isBlank()) {
			return (this.dedupKey.length() <= 128) ? this.dedupKey : Hmac.sha256Hex(this.dedupKey);
		}
		String basis = this.rawCode + "|" + this.occurredAt.getEpochSecond() + "|" + this.location.label() + "|"
				+ this.rawText;
		return Hmac.sha256Hex(basis).substring(0, 32);
	}

}
