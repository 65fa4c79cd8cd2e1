package dev.beacon.carriers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How Beacon stands with one carrier, for the console.
 *
 * @param carrier the carrier code
 * @param displayName the carrier's name
 * @param configured whether credentials are set (unconfigured carriers are not polled)
 * @param circuitState the circuit breaker's state (CLOSED, OPEN, HALF_OPEN), null when
 * the carrier has none (sandbox)
 * @param lastError the last failure, if any
 * @param lastErrorAt when it happened
 * @param note what an operator should know (e.g. which properties to set)
 */
public record CarrierStatus(String carrier, String displayName, boolean configured, @Nullable String circuitState,
		@Nullable String lastError, @Nullable Instant lastErrorAt, String note) {
}
