package dev.beacon.shipment;

import org.jspecify.annotations.Nullable;

/** A carrier a tracking number may belong to, with the detector's confidence (0 to 1). */
public record CarrierCandidate(String carrier, @Nullable String service, double confidence) {
}
