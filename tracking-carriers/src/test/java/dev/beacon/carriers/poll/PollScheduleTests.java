package dev.beacon.carriers.poll;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.Ingested;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;

import static org.assertj.core.api.Assertions.assertThat;

class PollScheduleTests {

	static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	final PollSchedule schedule = new PollSchedule(PollProperties.defaults());

	static Ingested view(Milestone m, Health h, @Nullable Instant lastEvent, @Nullable Instant delivered) {
		return new Ingested(0, m, h, null, NOW.minus(Duration.ofDays(3)), delivered, lastEvent);
	}

	Duration next(Ingested v, PollOutcome o, double scale) {
		PollSchedule.Decision d = this.schedule.decide(v, o, NOW, scale);
		assertThat(d.expire()).isFalse();
		assertThat(d.nextPoll()).isNotNull();
		return Duration.between(NOW, d.nextPoll());
	}

	@Test
	void outForDeliveryIsPolledMoreOftenThanLongTransit() {
		Duration ofd = next(view(Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, NOW.minusSeconds(600), null),
				PollOutcome.OK, 1);
		Duration transit = next(view(Milestone.IN_TRANSIT, Health.ON_TRACK, NOW.minusSeconds(3600), null),
				PollOutcome.OK, 1);
		Duration longTransit = next(view(Milestone.IN_TRANSIT, Health.ON_TRACK, NOW.minus(Duration.ofDays(3)), null),
				PollOutcome.OK, 1);
		Duration exception = next(view(Milestone.IN_TRANSIT, Health.EXCEPTION, NOW.minusSeconds(3600), null),
				PollOutcome.OK, 1);
		assertThat(ofd).isLessThan(exception);
		assertThat(exception).isLessThan(transit);
		assertThat(transit).isLessThan(longTransit);
	}

	@Test
	void deliveredIsPolledDuringTheGraceOnlyThenNever() {
		assertThat(this.schedule
			.decide(view(Milestone.DELIVERED, Health.ON_TRACK, NOW.minusSeconds(3600), NOW.minusSeconds(3600)),
					PollOutcome.OK, NOW, 1)
			.nextPoll()).isNotNull();
		PollSchedule.Decision late = this.schedule.decide(view(Milestone.DELIVERED, Health.ON_TRACK,
				NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2))), PollOutcome.OK, NOW, 1);
		assertThat(late.nextPoll()).isNull();
		assertThat(late.expire()).isFalse();
	}

	@Test
	void thirtySilentDaysExpire() {
		PollSchedule.Decision d = this.schedule.decide(
				view(Milestone.IN_TRANSIT, Health.ON_TRACK, NOW.minus(Duration.ofDays(31)), null), PollOutcome.OK, NOW,
				1);
		assertThat(d.expire()).isTrue();
	}

	@Test
	void theSandboxClockShrinksIntervalsButNotBelowTheFloor() {
		Duration scaled = next(view(Milestone.IN_TRANSIT, Health.ON_TRACK, NOW.minusSeconds(10), null), PollOutcome.OK,
				576);
		assertThat(scaled).isEqualTo(Duration.ofMillis(Duration.ofHours(2).toMillis() / 576));
		Duration floor = next(view(Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, NOW.minusSeconds(1), null),
				PollOutcome.OK, 100_000);
		assertThat(floor).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aLongRetryAfterIsHonouredByTheNextPoll() {
		PollSchedule.Decision decision = this.schedule.decide(
				view(Milestone.IN_TRANSIT, Health.ON_TRACK, NOW.minusSeconds(600), null), PollOutcome.RATE_LIMITED, NOW,
				1);
		CarrierUpdate limited = CarrierUpdate.failed(PollOutcome.RATE_LIMITED, "DHL track: HTTP 429",
				Duration.ofDays(1));
		assertThat(PollSchedule.delay(decision, limited, NOW)).isEqualTo(Duration.ofDays(1));
		CarrierUpdate shortWait = CarrierUpdate.failed(PollOutcome.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(5));
		assertThat(PollSchedule.delay(decision, shortWait, NOW)).isEqualTo(Duration.ofMinutes(15));
		assertThat(PollSchedule.delay(decision, CarrierUpdate.failed(PollOutcome.SERVER_ERROR, "x"), NOW))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(PollSchedule.delay(PollSchedule.Decision.stop(), limited, NOW)).isNull();
	}

	@Test
	void failuresBackOff() {
		Ingested v = view(Milestone.IN_TRANSIT, Health.ON_TRACK, NOW.minusSeconds(600), null);
		assertThat(next(v, PollOutcome.RATE_LIMITED, 1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(next(v, PollOutcome.SERVER_ERROR, 1)).isEqualTo(Duration.ofMinutes(10));
		assertThat(next(v, PollOutcome.NOT_FOUND, 1)).isEqualTo(Duration.ofHours(3));
	}

}
