package dev.beacon.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** A loop survives anything its body throws and tells when it last completed. */
class BackgroundLoopsTests {

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

	final MovingClock clock = new MovingClock();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final BackgroundLoops loops = BackgroundLoops.of(this.clock, this.meters, 10, Duration.ofMinutes(5));

	@Test
	void aRunThatThrowsAnErrorIsCountedAndTheLoopGoesOn() {
		AtomicInteger runs = new AtomicInteger();
		BackgroundLoops.Loop loop = this.loops.register("flaky", Duration.ofSeconds(5), () -> {
			if (runs.incrementAndGet() == 1) {
				throw new StackOverflowError("deeply nested carrier JSON");
			}
		});
		loop.runOnce();
		assertThat(loop.lastSuccess()).isNull();
		assertThat(this.meters.counter("beacon.loop.failures", "loop", "flaky").count()).isEqualTo(1.0);
		this.clock.now = this.clock.now.plusSeconds(5);
		loop.runOnce();
		assertThat(loop.lastSuccess()).isEqualTo(Instant.parse("2026-12-06T10:00:05Z"));
		assertThat(this.meters.get("beacon.loop.last.success").tag("loop", "flaky").gauge().value())
			.isEqualTo(Instant.parse("2026-12-06T10:00:05Z").getEpochSecond());
	}

	@Test
	void aLoopIsOverdueAfterMissingItsIntervalsCountedFromTheStart() {
		BackgroundLoops.Loop loop = this.loops.register("stuck", Duration.ofMinutes(1), () -> {
		});
		assertThat(loop.overdue(this.clock.now.plus(Duration.ofDays(1)))).isFalse(); // never
																						// started
		this.loops.start();
		try {
			assertThat(this.loops.overdue()).isEmpty(); // a fresh instance is well
			this.clock.now = this.clock.now.plus(Duration.ofMinutes(10));
			assertThat(this.loops.overdue()).isEmpty(); // exactly 10 intervals
			this.clock.now = this.clock.now.plusSeconds(1);
			assertThat(this.loops.overdue()).containsExactly(loop);
			loop.runOnce();
			assertThat(this.loops.overdue()).isEmpty();
		}
		finally {
			this.loops.stop();
		}
	}

	@Test
	void shortLoopsAreOverdueOnlyAfterTheFloor() {
		BackgroundLoops.Loop loop = this.loops.register("fast", Duration.ofSeconds(5), () -> {
		});
		this.loops.start();
		try {
			this.clock.now = this.clock.now.plus(Duration.ofMinutes(5));
			assertThat(loop.overdue(this.clock.now)).isFalse();
			assertThat(loop.overdue(this.clock.now.plusSeconds(1))).isTrue();
		}
		finally {
			this.loops.stop();
		}
	}

}
