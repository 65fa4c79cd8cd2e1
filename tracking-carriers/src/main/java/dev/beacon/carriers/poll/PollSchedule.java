package dev.beacon.carriers.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.Ingested;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.NextPollSchedule;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;

/**
 * Adaptive poll intervals: often when out for delivery or after an exception, less often
 * in long transit, never after delivered plus a grace period; a shipment silent for the
 * expiry period becomes EXPIRED.
 */
final class PollSchedule {

	/** What to do with a shipment after a poll. */
	record Decision(@Nullable Instant nextPoll, boolean expire) {

		static Decision stop() {
			return new Decision(null, false);
		}

		static Decision expireNow() {
			return new Decision(null, true);
		}

		static Decision at(Instant when) {
			return new Decision(when, false);
		}

	}

	private final PollProperties p;

	PollSchedule(PollProperties properties) {
		this.p = properties;
	}

	Decision decide(Ingested s, PollOutcome outcome, Instant now, double timeScale) {
		Milestone m = s.milestone();
		if (m == Milestone.EXPIRED || m == Milestone.CANCELLED) {
			return Decision.stop();
		}
		if (m == Milestone.DELIVERED || m == Milestone.RETURNED) {
			Instant done = (s.deliveredAt() != null) ? s.deliveredAt()
					: (s.lastEventAt() != null) ? s.lastEventAt() : now;
			Instant end = done.plus(scaled(this.p.deliveredGrace(), timeScale));
			Instant next = now.plus(floor(scaled(this.p.afterDelivery(), timeScale)));
			return next.isAfter(end) ? Decision.stop() : Decision.at(next);
		}
		Instant lastSign = (s.lastEventAt() != null) ? s.lastEventAt()
				: (s.shippedAt() != null && s.shippedAt().isAfter(s.createdAt())) ? s.shippedAt() : s.createdAt();
		if (Duration.between(lastSign, now).compareTo(scaled(this.p.silentExpiry(), timeScale)) > 0) {
			return Decision.expireNow();
		}
		Duration interval = switch (outcome) {
			case SERVER_ERROR, TIMEOUT -> this.p.failureBackoff();
			case RATE_LIMITED -> this.p.rateLimitedBackoff();
			case NOT_FOUND -> this.p.notFoundBackoff();
			case AUTH_FAILED, MALFORMED, NOT_CONFIGURED -> this.p.misconfiguredBackoff();
			case OK, PUSHED -> healthyInterval(s, now, timeScale);
		};
		return Decision.at(now.plus(floor(scaled(interval, timeScale))));
	}

	/**
	 * {@link #decide} as core asks it while it records each answer, so that the record
	 * and the next poll time (or the expiry) commit together.
	 */
	NextPollSchedule next(Instant now, Function<UUID, Double> timeScale) {
		return (id, result, update) -> {
			Decision decision = decide(result, update.outcome(), now, timeScale.apply(id));
			return decision.expire() ? NextPollSchedule.Next.expireNow()
					: NextPollSchedule.Next.after(delay(decision, update, now));
		};
	}

	private Duration healthyInterval(Ingested s, Instant now, double timeScale) {
		Milestone m = s.milestone();
		if (m == Milestone.OUT_FOR_DELIVERY || m == Milestone.DELIVERY_ATTEMPTED) {
			return this.p.outForDelivery();
		}
		if (s.health() != Health.ON_TRACK) {
			return this.p.exception();
		}
		if (m == Milestone.AVAILABLE_FOR_PICKUP) {
			return this.p.availableForPickup();
		}
		if (m == Milestone.LABEL_CREATED || m == Milestone.ORDERED) {
			return this.p.labelCreated();
		}
		if (s.lastEventAt() != null
				&& Duration.between(s.lastEventAt(), now).compareTo(scaled(this.p.longTransitAfter(), timeScale)) > 0) {
			return this.p.longTransit();
		}
		return this.p.inTransit();
	}

	private Duration scaled(Duration carrierTime, double timeScale) {
		return Duration.ofMillis((long) (carrierTime.toMillis() / timeScale));
	}

	Duration floor(Duration d) {
		return (d.compareTo(this.p.minInterval()) < 0) ? this.p.minInterval() : d;
	}

	/**
	 * How long to wait before asking again: the schedule's interval, or longer if the
	 * carrier asked for it (Retry-After); null: never again.
	 */
	static @Nullable Duration delay(PollSchedule.Decision decision, CarrierUpdate update, Instant now) {
		if (decision.nextPoll() == null) {
			return null;
		}
		Duration delay = Duration.between(now, decision.nextPoll());
		Duration asked = update.retryAfter();
		return (asked != null && asked.compareTo(delay) > 0) ? asked : delay;
	}

}
