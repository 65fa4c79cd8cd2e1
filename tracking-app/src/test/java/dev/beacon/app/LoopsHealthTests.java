package dev.beacon.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.beacon.common.BackgroundLoops;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loop's health goes DOWN when it has not completed for its intervals (from the
 * instance's start); a fresh instance is UP. One component per loop.
 */
class LoopsHealthTests {

	static final class MovingClock extends Clock {

		Instant now = Instant.parse("2026-12-06T10:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private static Status status(LoopsHealth health, String loop) {
		return ((HealthIndicator) health.getContributor(loop)).health(true).getStatus();
	}

	@Test
	void aStuckLoopTurnsItsHealthDownAndAFreshInstanceIsUp() {
		MovingClock clock = new MovingClock();
		BackgroundLoops loops = BackgroundLoops.of(clock, new SimpleMeterRegistry(), 10, Duration.ofMinutes(5));
		BackgroundLoops.Loop dispatcher = loops.register("notify-dispatcher", Duration.ofHours(1), () -> {
		});
		BackgroundLoops.Loop webhooks = loops.register("webhook-dispatcher", Duration.ofHours(1), () -> {
		});
		LoopsHealth health = new LoopsHealth(loops, clock);
		assertThat(health.stream().map(HealthContributors.Entry::name)).containsExactly("notify-dispatcher",
				"webhook-dispatcher");
		assertThat(health.getContributor("no-such-loop")).isNull();
		loops.start(); // first runs an hour from now: nothing runs during the test
		try {
			assertThat(status(health, "notify-dispatcher")).isEqualTo(Status.UP);
			assertThat(status(health, "webhook-dispatcher")).isEqualTo(Status.UP);
			clock.now = clock.now.plus(Duration.ofHours(9));
			dispatcher.runOnce();
			clock.now = clock.now.plus(Duration.ofHours(1)).plusSeconds(1);
			Health d = ((HealthIndicator) health.getContributor("notify-dispatcher")).health(true);
			assertThat(d.getStatus()).isEqualTo(Status.UP);
			assertThat(d.getDetails()).containsEntry("lastSuccess", "2026-12-06T19:00:00Z")
				.containsEntry("interval", "PT1H");
			Health w = ((HealthIndicator) health.getContributor("webhook-dispatcher")).health(true);
			assertThat(w.getStatus()).isEqualTo(Status.DOWN);
			assertThat(w.getDetails()).containsEntry("lastSuccess", "none yet");
			webhooks.runOnce();
			assertThat(status(health, "webhook-dispatcher")).isEqualTo(Status.UP);
		}
		finally {
			loops.stop();
		}
	}

}
