package dev.beacon.shipment;

import java.time.Duration;

/** A refresh refused for now (answered as 429 with {@code Retry-After}). */
public class RefreshLimitedException extends RuntimeException {

	private final Duration retryAfter;

	RefreshLimitedException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
	}

	/** Whole seconds to wait, at least one. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
