package dev.beacon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.beacon.shipment.MappingTable;
import dev.beacon.testing.StatementCounter;

/** Boot configuration for tests of tracking-notify alone (not shipped). */
@SpringBootApplication
public class NotifyTestApplication {

	@Bean
	MappingTable sandboxTable() {
		return MappingTable.fromClasspath("sandbox", "normalization/notify-test-carrier.csv");
	}

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.parse("2026-03-03T15:00:00Z"));
	}

	/** Counts what a test's own thread issues (dispatch statements per batch). */
	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	/** A clock tests move by hand (shared by core and notify in the test context). */
	public static class MutableClock extends Clock {

		private volatile Instant now;

		public MutableClock(Instant now) {
			this.now = now;
		}

		public void set(Instant instant) {
			this.now = instant;
		}

		public void advance(Duration d) {
			this.now = this.now.plus(d);
		}

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

}
