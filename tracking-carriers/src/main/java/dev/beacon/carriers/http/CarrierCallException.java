package dev.beacon.carriers.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.PollOutcome;

/** A carrier conversation that failed, with the outcome it stands for. */
public class CarrierCallException extends RuntimeException {

	private final PollOutcome outcome;

	private final @Nullable Duration retryAfter;

	public CarrierCallException(PollOutcome outcome, String detail) {
		this(outcome, detail, null, null);
	}

	public CarrierCallException(PollOutcome outcome, String detail, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(detail, cause);
		this.outcome = outcome;
		this.retryAfter = retryAfter;
	}

	public PollOutcome outcome() {
		return this.outcome;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whether trying again soon may help. */
	public boolean transientFailure() {
		return this.outcome == PollOutcome.SERVER_ERROR || this.outcome == PollOutcome.TIMEOUT
				|| this.outcome == PollOutcome.RATE_LIMITED;
	}

}
