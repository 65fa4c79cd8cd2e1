package dev.beacon.shipment;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;

/**
 * What one conversation with a carrier produced: the scans it returned (all of them; the
 * store keeps only new ones), the carrier's own delivery estimate, how it went, and, when
 * the carrier said so (HTTP 429 or 503 with Retry-After), how long to wait before asking
 * again.
 */
public record CarrierUpdate(List<RawScan> scans, @Nullable DeliveryWindow carrierEstimate, PollOutcome outcome,
		@Nullable String detail, @Nullable Duration retryAfter) {

	public CarrierUpdate(List<RawScan> scans, @Nullable DeliveryWindow carrierEstimate, PollOutcome outcome,
			@Nullable String detail) {
		this(scans, carrierEstimate, outcome, detail, null);
	}

	public static CarrierUpdate of(List<RawScan> scans, @Nullable DeliveryWindow carrierEstimate) {
		return new CarrierUpdate(scans, carrierEstimate, PollOutcome.OK, null, null);
	}

	public static CarrierUpdate failed(PollOutcome outcome, String detail) {
		return new CarrierUpdate(List.of(), null, outcome, detail, null);
	}

	public static CarrierUpdate failed(PollOutcome outcome, String detail, @Nullable Duration retryAfter) {
		return new CarrierUpdate(List.of(), null, outcome, detail, retryAfter);
	}

}
