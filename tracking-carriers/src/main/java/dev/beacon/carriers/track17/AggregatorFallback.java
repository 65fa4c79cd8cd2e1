package dev.beacon.carriers.track17;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.core.env.Environment;

import dev.beacon.carriers.http.PollTask;
import dev.beacon.carriers.poll.PollFallback;
import dev.beacon.carriers.sources.SourceRegistrations;
import dev.beacon.carriers.sources.SourceRegistrations.Registration;
import dev.beacon.shipment.ShipmentManagement;

/**
 * 17TRACK as the fallback of a direct carrier whose shared budget is spent: where
 * {@code beacon.carriers.<code>.fallback-to-aggregator} (or, for every carrier,
 * {@code beacon.carriers.fallback-to-aggregator}) is true and 17TRACK is configured, the
 * number is queued for registration ({@link Track17Source} registers it within a round)
 * and followed there until the budget refills; then it is stopped at 17TRACK and the
 * direct adapter polls it again. Elsewhere polls wait.
 */
class AggregatorFallback implements PollFallback {

	private final Track17Properties properties;

	private final SourceRegistrations registrations;

	private final Environment env;

	private final Clock clock;

	AggregatorFallback(Track17Properties properties, SourceRegistrations registrations, Environment env, Clock clock) {
		this.properties = properties;
		this.registrations = registrations;
		this.env = env;
		this.clock = clock;
	}

	boolean enabledFor(String carrier) {
		boolean all = this.env.getProperty("beacon.carriers.fallback-to-aggregator", Boolean.class, false);
		return this.properties.enabled() && !"sandbox".equals(carrier)
				&& this.env.getProperty("beacon.carriers." + carrier + ".fallback-to-aggregator", Boolean.class, all);
	}

	@Override
	public boolean budgetSpent(PollTask task, Duration wait) {
		if (!enabledFor(task.carrier())) {
			return false;
		}
		Instant now = this.clock.instant();
		return this.registrations.fallback(
				new Registration(ShipmentManagement.normalizeTrackingNumber(task.trackingNumber()), task.carrier()),
				now, now.plus(wait));
	}

}
