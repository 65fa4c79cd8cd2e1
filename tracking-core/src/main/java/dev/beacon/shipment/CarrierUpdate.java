package dev.beacon.shipment;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;

/**
 * What one conversation with a carrier produced: the scans it returned (all of them; the
 * store keeps only new ones), the carrier's own delivery estimate, and how it went.
 */
public record CarrierUpdate(List<RawScan> scans, @Nullable DeliveryWindow carrierEstimate, PollOutcome outcome,
		@Nullable String detail) {

	public static CarrierUpdate of(List<RawScan> scans, @Nullable DeliveryWindow carrierEstimate) {
		return new CarrierUpdate(scans, carrierEstimate, PollOutcome.OK, null);
	}

	public static CarrierUpdate failed(PollOutcome outcome, String detail) {
		return new CarrierUpdate(List.of(), null, outcome, detail);
	}

}
