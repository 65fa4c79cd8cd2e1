package dev.beacon.app;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.beacon.common.BackgroundLoops;

/**
 * The {@code loops} health contributor: DOWN when a background loop (notification
 * dispatch, webhook dispatch, scheduled checks, ...) has not completed a run for
 * {@code beacon.loops.down-after-intervals} of its intervals, counted from the instance's
 * start (a fresh instance is UP). Details list each loop's last successful run.
 */
@Component("loops")
class LoopsHealthIndicator extends AbstractHealthIndicator {

	private final BackgroundLoops loops;

	private final Clock clock;

	LoopsHealthIndicator(BackgroundLoops loops, Clock clock) {
		this.loops = loops;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = this.clock.instant();
		boolean down = false;
		for (BackgroundLoops.Loop loop : this.loops.loops()) {
			boolean overdue = loop.overdue(now);
			down |= overdue;
			Instant last = loop.lastSuccess();
			builder.withDetail(loop.name(),
					(overdue ? "OVERDUE, last run " : "last run ") + ((last != null) ? last.toString() : "none yet"));
		}
		if (down) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

}
