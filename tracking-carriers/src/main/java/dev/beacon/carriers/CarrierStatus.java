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
 * @param lastError the last failure, if any, with the carrier's error text: installation
 * wide, so it may name another store's tracking number (for the operator's logs, never
 * shown to a store's console users: they see {@link #lastErrorCategory()})
 * @param lastErrorAt when it happened
 * @param note what an operator should know (e.g. which properties to set)
 */
public record CarrierStatus(String carrier, String displayName, boolean configured, @Nullable String circuitState,
		@Nullable String lastError, @Nullable Instant lastErrorAt, String note) {

	/**
	 * The coarse category of {@link #lastError()} (a poll outcome such as
	 * {@code SERVER_ERROR} or {@code RATE_LIMITED}), without the carrier's text.
	 * @return the category, or null when there was no error
	 */
	public @Nullable String lastErrorCategory() {
		if (this.lastError == null) {
			return null;
		}
		int colon = this.lastError.indexOf(':');
		String head = (colon < 0) ? this.lastError : this.lastError.substring(0, colon);
		return head.matches("[A-Z_]{1,40}") ? head : "ERROR";
	}

}
