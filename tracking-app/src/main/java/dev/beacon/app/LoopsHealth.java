package dev.beacon.app;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.beacon.common.BackgroundLoops;

/**
 * The {@code loops} health contributor: one component per background loop registered with
 * {@link BackgroundLoops} (notification dispatch, webhook dispatch, scheduled checks, the
 * carrier poller, the promise refresh, ...), each DOWN when its loop has not completed a
 * run for {@code beacon.loops.down-after-intervals} of its intervals, counted from the
 * instance's start (a fresh instance is UP); {@code loops} is DOWN when any is. A loop's
 * details are its last successful run and its interval.
 */
@Component("loops")
class LoopsHealth implements CompositeHealthContributor {

	private final BackgroundLoops loops;

	private final Clock clock;

	LoopsHealth(BackgroundLoops loops, Clock clock) {
		this.loops = loops;
		this.clock = clock;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return this.loops.loops().stream().filter((l) -> l.name().equals(name)).findFirst().map(this::of).orElse(null);
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.loops.loops().stream().map((l) -> new HealthContributors.Entry(l.name(), of(l)));
	}

	HealthIndicator of(BackgroundLoops.Loop loop) {
		return () -> {
			Instant last = loop.lastSuccess();
			Health.Builder health = loop.overdue(this.clock.instant()) ? Health.down() : Health.up();
			return health.withDetail("lastSuccess", (last != null) ? last.toString() : "none yet")
				.withDetail("interval", loop.interval().toString())
				.build();
		};
	}

}
