package dev.beacon.carriers.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.CarrierUpdate;

/**
 * One carrier's tracking conversation. An adapter turns the carrier's answer into raw
 * scans and never interprets them (the mapping tables do); it never throws: every failure
 * becomes a {@link CarrierUpdate#failed} for the shipments concerned.
 */
public interface CarrierAdapter {

	/** Lower-case carrier code ({@code ups}). */
	String code();

	/** Whether credentials are configured (unconfigured carriers are not polled). */
	boolean configured();

	/** How many numbers one request may carry (FedEx 30, most others 1). */
	default int batchSize() {
		return 1;
	}

	/**
	 * How much faster than real time this carrier's clock runs (the sandbox); poll
	 * intervals are divided by it.
	 */
	default double timeScale() {
		return 1.0;
	}

	/** Asks the carrier about these shipments; answers one update per shipment id. */
	Map<UUID, CarrierUpdate> track(List<PollTask> tasks);

	/** Resilience state for operators (circuit breaker), null when not applicable. */
	default @Nullable String circuitState() {
		return null;
	}

	/** The last failure talking to the carrier, for operators. */
	default @Nullable String lastError() {
		return null;
	}

	/** When {@link #lastError()} happened. */
	default @Nullable Instant lastErrorAt() {
		return null;
	}

}
