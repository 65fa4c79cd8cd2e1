package dev.beacon.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.beacon.common.BackgroundLoops;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health goes DOWN when a loop has not completed for its intervals (from the instance's
 * start); a fresh instance is UP.
 */
class LoopsHealthIndicatorTests {

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

	@Test
	void aStuckLoopTurnsHealthDownAndAFreshInstanceIsUp() {
		MovingClock clock = new MovingClock();
		BackgroundLoops loops = BackgroundLoops.of(clock, new SimpleMeterRegistry(), 10, Duration.ofMinutes(5));
		BackgroundLoops.Loop dispatcher = loops.register("notify-dispatcher", Duration.ofHours(1), () -> {
		});
		BackgroundLoops.Loop webhooks = loops.register("webhook-dispatcher", Duration.ofHours(1), () -> {
		});
		LoopsHealthIndicator health = new LoopsHealthIndicator(loops, clock);
		loops.start(); // first runs an hour from now: nothing runs during the test
		try {
			assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
			clock.now = clock.now.plus(Duration.ofHours(9));
			dispatcher.runOnce();
			clock.now = clock.now.plus(Duration.ofHours(1)).plusSeconds(1);
			Health h = health.health(true);
			assertThat(h.getStatus()).isEqualTo(Status.DOWN);
			assertThat(h.getDetails()).containsEntry("notify-dispatcher", "last run 2026-12-06T19:00:00Z")
				.containsEntry("webhook-dispatcher", "OVERDUE, last run none yet");
			webhooks.runOnce();
			assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
		}
		finally {
			loops.stop();
		}
	}

}
