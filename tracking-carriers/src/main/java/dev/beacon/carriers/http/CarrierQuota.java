package dev.beacon.carriers.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.PollOutcome;

/**
 * One carrier's quota bookkeeping for {@link CarrierGateway}: the budgets shared by every
 * instance (PostgreSQL) and the carrier's last {@code Retry-After}.
 */
final class CarrierQuota {

	private final String carrier;

	/** The shared budgets' name: the carrier's code, or {@code <code>@<store>}. */
	private volatile String budget;

	private final Clock clock;

	private final int perPeriod;

	private final Duration period;

	private final int perDay;

	/** No call before this instant: the carrier's last Retry-After. */
	private volatile Instant blockedUntil = Instant.EPOCH;

	private volatile @Nullable SharedBudgets budgets;

	CarrierQuota(String carrier, int perPeriod, Duration period, int perDay, Clock clock) {
		this.carrier = carrier;
		this.budget = carrier;
		this.perPeriod = perPeriod;
		this.period = period;
		this.perDay = perDay;
		this.clock = clock;
	}

	void share(SharedBudgets shared) {
		this.budgets = shared;
	}

	void budget(String name) {
		this.budget = name;
	}

	String budget() {
		return this.budget;
	}

	boolean shared() {
		return this.budgets != null;
	}

	/** Refuses a call while the carrier's last Retry-After runs. */
	void checkNotBlocked() {
		Duration blocked = Duration.between(this.clock.instant(), this.blockedUntil);
		if (blocked.compareTo(Duration.ZERO) > 0) {
			throw new CarrierCallException(PollOutcome.RATE_LIMITED,
					this.carrier + " asked Beacon to wait (Retry-After); no call before " + this.blockedUntil,
					blocked.plusMillis(1), null);
		}
	}

	/** Remembers a Retry-After: no call before now + {@code after}. */
	void blockFor(@Nullable Duration after) {
		if (after != null) {
			Instant until = this.clock.instant().plus(after);
			if (until.isAfter(this.blockedUntil)) {
				this.blockedUntil = until;
			}
		}
	}

	void spendSharedBudget() {
		SharedBudgets shared = this.budgets;
		if (shared == null) {
			return;
		}
		Instant now = this.clock.instant();
		Duration wait = shared.acquire(this.budget, this.perPeriod, this.period, now);
		if (wait.isZero() && this.perDay > 0) {
			wait = shared.acquire(this.budget + "-daily", this.perDay, Duration.ofDays(1), now);
		}
		if (!wait.isZero()) {
			throw new CarrierCallException(PollOutcome.RATE_LIMITED,
					this.carrier + " budget for this period is spent"
							+ ((SharedBudgets.demand() == SharedBudgets.Demand.ON_DEMAND)
									? " (the rest is kept for scheduled polls)" : ""),
					wait, null);
		}
	}

	int callsLeft() {
		SharedBudgets shared = this.budgets;
		return (shared != null) ? shared.left(this.budget, this.perPeriod, this.period, this.clock.instant()) : -1;
	}

	/**
	 * The longest Retry-After (or quota wait) honoured inline: a refresh waits at most
	 * {@code beacon.refresh.max-wait}, a scheduled poll {@code maxRetryAfter}.
	 */
	Duration inlineWait(Duration maxRetryAfter) {
		SharedBudgets shared = this.budgets;
		if (shared != null && SharedBudgets.demand() == SharedBudgets.Demand.ON_DEMAND) {
			Duration refreshWait = shared.refreshWait();
			return (refreshWait.compareTo(maxRetryAfter) < 0) ? refreshWait : maxRetryAfter;
		}
		return maxRetryAfter;
	}

	/** A {@code Retry-After} header (seconds or an HTTP date), if any. */
	static @Nullable Duration retryAfter(CarrierGateway.Answer answer, Instant now) {
		Optional<String> header = answer.header("Retry-After");
		if (header.isEmpty()) {
			return null;
		}
		String v = header.get().strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration d = Duration.between(now, at.toInstant());
				return d.isNegative() ? Duration.ZERO : d;
			}
			catch (RuntimeException ignored) {
				return null;
			}
		}
	}

}
