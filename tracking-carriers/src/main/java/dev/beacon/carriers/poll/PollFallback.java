package dev.beacon.carriers.poll;

import java.time.Duration;

import dev.beacon.carriers.http.PollTask;

/**
 * Where a shipment goes while its direct carrier cannot be asked (its shared budget is
 * spent for {@code wait}): by default nowhere, the poll waits; with
 * {@code beacon.carriers[.<code>].fallback-to-aggregator=true} the aggregator follows it
 * until the budget refills.
 */
public interface PollFallback {

	/** Polls wait. */
	PollFallback NONE = (task, wait) -> false;

	/** Answers whether the shipment is now followed elsewhere. */
	boolean budgetSpent(PollTask task, Duration wait);

}
