package dev.beacon.carriers.http;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Quotas shared by every instance: each budget ({@code ups}, {@code dhl-daily},
 * {@code 17track}) counts its calls per period window in PostgreSQL
 * ({@code carrier_quota_usage}, one atomic upsert per call), so N instances together
 * spend the carrier's quota once. On-demand calls (refreshes) may only spend the first
 * part of each window: the last {@code reserve} share is kept for scheduled polls. The
 * gauge {@code beacon.carrier.quota.remaining{budget}} shows the calls left in the
 * current window as this instance last saw them.
 */
public class SharedBudgets {

	/** Who is asking: scheduled polls may spend the whole budget, refreshes not. */
	public enum Demand {

		SCHEDULED, ON_DEMAND

	}

	private static final ThreadLocal<Demand> DEMAND = ThreadLocal.withInitial(() -> Demand.SCHEDULED);

	private final NamedParameterJdbcTemplate jdbc;

	private final MeterRegistry registry;

	private final double reserve;

	private final Duration refreshWait;

	private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

	public SharedBudgets(NamedParameterJdbcTemplate jdbc, MeterRegistry registry, double reserve) {
		this(jdbc, registry, reserve, Duration.ofSeconds(3));
	}

	public SharedBudgets(NamedParameterJdbcTemplate jdbc, MeterRegistry registry, double reserve,
			Duration refreshWait) {
		this.refreshWait = refreshWait;
		this.jdbc = jdbc;
		this.registry = registry;
		this.reserve = Math.max(0, Math.min(0.9, reserve));
	}

	/** The longest a refresh waits inline for quota or a Retry-After. */
	Duration refreshWait() {
		return this.refreshWait;
	}

	/** Runs {@code work} as an on-demand call (a refresh). */
	public static <T> T onDemand(java.util.function.Supplier<T> work) {
		Demand before = DEMAND.get();
		DEMAND.set(Demand.ON_DEMAND);
		try {
			return work.get();
		}
		finally {
			DEMAND.set(before);
		}
	}

	static Demand demand() {
		return (dev.beacon.shipment.Refreshes.active()) ? Demand.ON_DEMAND : DEMAND.get();
	}

	/**
	 * Takes one call from {@code budget} ({@code limit} calls per {@code period});
	 * answers zero when taken, else how long until the next window opens.
	 */
	public Duration acquire(String budget, int limit, Duration period, Instant now) {
		long p = Math.max(1, period.toMillis());
		Instant window = Instant.ofEpochMilli(now.toEpochMilli() / p * p);
		int cap = cap(limit);
		if (cap <= 0) {
			return Duration.between(now, window.plusMillis(p));
		}
		List<Integer> used = this.jdbc.queryForList("""
				insert into carrier_quota_usage (name, window_start, used) values (:name, :window, 1)
				on conflict (name, window_start) do update set used = carrier_quota_usage.used + 1
				where carrier_quota_usage.used < :cap
				returning used""", new MapSqlParameterSource("name", budget).addValue("window", Timestamp.from(window))
			.addValue("cap", cap), Integer.class);
		if (used.isEmpty()) {
			gauge(budget).set(Math.max(0, limit - cap));
			return Duration.between(now, window.plusMillis(p));
		}
		gauge(budget).set(Math.max(0, limit - used.get(0)));
		return Duration.ZERO;
	}

	/**
	 * How much of a window's {@code limit} this caller may spend: all of it for scheduled
	 * polls; for refreshes all but the reserve, yet at least one call, or a carrier
	 * allowing one call a second (DHL) could never be refreshed: the refresh waited for a
	 * window it could never use and answered before DHL's scans were read (the per-second
	 * window is no reserve worth keeping; the daily one still keeps its share).
	 */
	private int cap(int limit) {
		if (limit <= 0 || demand() != Demand.ON_DEMAND) {
			return limit;
		}
		return Math.max(1, (int) Math.floor(limit * (1 - this.reserve)));
	}

	/** Calls left in the current window of a budget, read from the database. */
	public int left(String budget, int limit, Duration period, Instant now) {
		long p = Math.max(1, period.toMillis());
		Instant window = Instant.ofEpochMilli(now.toEpochMilli() / p * p);
		List<Integer> used = this.jdbc.queryForList(
				"select used from carrier_quota_usage where name = :name and window_start = :window",
				new MapSqlParameterSource("name", budget).addValue("window", Timestamp.from(window)), Integer.class);
		return Math.max(0, limit - (used.isEmpty() ? 0 : used.get(0)));
	}

	private AtomicLong gauge(String budget) {
		return this.remaining.computeIfAbsent(budget, (b) -> {
			AtomicLong value = new AtomicLong(-1);
			Gauge.builder("beacon.carrier.quota.remaining", value, AtomicLong::get)
				.tag("budget", b)
				.description("Calls left in the budget's current window (shared by all instances)")
				.register(this.registry);
			return value;
		});
	}

}
