package dev.beacon.promise;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much slower (a factor above 1) or faster the store's recent orders are than the
 * ones before them, compared where both are fully observed: the orders placed two to four
 * weeks before the last known delivery ({@link #RECENT_AGE}, {@link #RECENT_WIDTH})
 * against those of the four weeks before ({@link #OLDER_WIDTH}), each cohort counting its
 * orders still open as not delivered yet (so its slow parcels are not left out), on the
 * part of the distribution both have been open long enough to show ({@link #HORIZON}
 * business days). The factor is the ratio of their {@link #SHARE} quantiles; a promise
 * from the order stretches its distribution by it ({@link #stretch}). Store-wide: one
 * factor for all lanes. Not thread-safe (guarded by {@link TransitModel}).
 */
final class Trend {

	/** Calendar days the recent cohort's youngest orders have been open at least. */
	static final int RECENT_AGE = 14;

	/** Calendar days of orders in the recent cohort. */
	static final int RECENT_WIDTH = 14;

	/** Calendar days of orders in the older cohort, just before the recent one. */
	static final int OLDER_WIDTH = 28;

	/**
	 * Business days from the order that every parcel of both cohorts has been observed
	 * for (8 business days fit in 14 calendar days with two holidays).
	 */
	static final int HORIZON = 8;

	/** The share of a cohort's orders whose delivery day is compared. */
	static final double SHARE = 0.4;

	/** Orders a cohort needs before the factor moves from 1. */
	static final int MIN_ORDERS = 100;

	private static final double MIN_FACTOR = 0.5;

	private static final double MAX_FACTOR = 2;

	private static final int DAYS = Histogram.MAX_DAYS + 1;

	/** Per order day: delivered parcels by business days taken, then (last) open ones. */
	private final TreeMap<Long, int[]> byPlaced = new TreeMap<>();

	private long lastDelivered = Long.MIN_VALUE;

	private double factor = Double.NaN;

	/** The model's recency half-life (0: none). */
	private final double halfLifeDays;

	void add(LocalDate placed, LocalDate delivered, int totalDays) {
		if (!this.enabled) {
			return;
		}
		this.byPlaced.computeIfAbsent(placed.toEpochDay(), (k) -> new int[DAYS + 1])[Math.max(0,
				Math.min(DAYS - 1, totalDays))]++;
		this.lastDelivered = Math.max(this.lastDelivered, delivered.toEpochDay());
		this.factor = Double.NaN;
	}

	/** An order placed on {@code placed} and not delivered yet. */
	void open(LocalDate placed) {
		if (!this.enabled) {
			return;
		}
		this.byPlaced.computeIfAbsent(placed.toEpochDay(), (k) -> new int[DAYS + 1])[DAYS]++;
		this.factor = Double.NaN;
	}

	/** Off: nothing is counted and the factor is 1. */
	private final boolean enabled;

	Trend(double halfLifeDays, boolean enabled) {
		this.halfLifeDays = halfLifeDays;
		this.enabled = enabled;
	}

	/** {@code blend} stretched by the {@link #factor} (as it is when that is 1). */
	Blend stretch(Blend blend) {
		double f = factor();
		return (blend == null || f == 1) ? blend : new Blend(stretch(blend.cdf(), f), blend.strength(), blend.basis(),
				blend.basisSamples(), blend.label(), blend.shift());
	}

	/**
	 * The stretch for promises from the order: the {@link #ratio} applied to the share of
	 * the model (by recency weight) learned from orders placed before the recent cohort,
	 * since the model has already learned the part of the change its recent orders show.
	 * 1 while either cohort is too small to tell.
	 */
	double factor() {
		if (Double.isNaN(this.factor)) {
			this.factor = 1 + (ratio() - 1) * olderShare();
		}
		return this.factor;
	}

	/**
	 * The recent cohort's {@link #SHARE} quantile over the older one's (at a lower share
	 * when either has not delivered that many within {@link #HORIZON}), between 0.5 and
	 * 2; 1 while either cohort is too small to tell.
	 */
	double ratio() {
		if (this.lastDelivered == Long.MIN_VALUE) {
			return 1;
		}
		long recentFrom = recentFrom();
		double[] recent = cdf(recentFrom, recentFrom + RECENT_WIDTH);
		double[] older = cdf(recentFrom - OLDER_WIDTH, recentFrom);
		if (recent == null || older == null) {
			return 1;
		}
		double share = Math.min(SHARE, Math.min(recent[HORIZON - 1], older[HORIZON - 1]) / 2);
		if (share <= 0.05) {
			return 1;
		}
		return Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, quantile(recent, share) / quantile(older, share)));
	}

	/** The first order day of the recent cohort. */
	private long recentFrom() {
		return this.lastDelivered + 1 - RECENT_AGE - RECENT_WIDTH;
	}

	/**
	 * The recency-weighted share of the delivered parcels the model holds that were
	 * ordered before the recent cohort.
	 */
	private double olderShare() {
		long recentFrom = recentFrom();
		double before = 0;
		double all = 0;
		for (Map.Entry<Long, int[]> e : this.byPlaced.entrySet()) {
			int delivered = 0;
			for (int d = 0; d < DAYS; d++) {
				delivered += e.getValue()[d];
			}
			double weight = (this.halfLifeDays <= 0) ? 1
					: Math.pow(2, (e.getKey() - this.lastDelivered) / this.halfLifeDays);
			all += weight * delivered;
			if (e.getKey() < recentFrom) {
				before += weight * delivered;
			}
		}
		return (all == 0) ? 0 : before / all;
	}

	/**
	 * Shares of the orders placed in [from, to) delivered within 0, 1, ... business days
	 * (open ones count in the denominator); null below {@link #MIN_ORDERS}.
	 */
	private double[] cdf(long from, long to) {
		double[] cdf = new double[DAYS];
		int orders = 0;
		for (Map.Entry<Long, int[]> e : this.byPlaced.subMap(from, true, to, false).entrySet()) {
			for (int d = 0; d < DAYS; d++) {
				cdf[d] += e.getValue()[d];
				orders += e.getValue()[d];
			}
			orders += e.getValue()[DAYS];
		}
		if (orders < MIN_ORDERS) {
			return null;
		}
		double cumulative = 0;
		for (int d = 0; d < DAYS; d++) {
			cumulative += cdf[d];
			cdf[d] = cumulative / orders;
		}
		return cdf;
	}

	/**
	 * The continuous quantile of whole-day shares: a parcel taking t days is spread
	 * evenly over [t, t + 1).
	 */
	static double quantile(double[] cdf, double share) {
		for (int k = 0; k < cdf.length; k++) {
			if (cdf[k] >= share) {
				double below = (k == 0) ? 0 : cdf[k - 1];
				return k + (share - below) / (cdf[k] - below);
			}
		}
		return cdf.length;
	}

	/**
	 * {@code cdf} stretched by {@code factor}: a parcel taking t days (spread evenly over
	 * [t, t + 1)) takes {@code factor} times as long; the share by day d is the share
	 * arrived by (d + 1) / factor.
	 */
	static double[] stretch(double[] cdf, double factor) {
		int max = cdf.length - 1;
		double[] stretched = new double[max + 1];
		for (int d = 0; d <= max; d++) {
			double x = (d + 1) / factor;
			int k = (int) Math.floor(x);
			if (k > max) {
				stretched[d] = cdf[max];
				continue;
			}
			double below = (k == 0) ? 0 : cdf[k - 1];
			stretched[d] = below + (x - k) * (cdf[k] - below);
		}
		stretched[max] = cdf[max];
		return stretched;
	}

}
