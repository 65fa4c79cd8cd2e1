package dev.beacon.promise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The shared cost of lateness of one model ({@link SharedLateness}), in the units the
 * shopper waits and the model states: a promise's length is counted in calendar days from
 * the order (one more business day after a Friday costs three), so each lane's promise
 * depends on the weekday it is ordered on; and the on-time rate the threshold is solved
 * for is the one the promises state (each lane's share shrunk towards uncertainty by its
 * effective sample size, {@link #stated}), so a lane known from few parcels is not
 * counted on more than its promise claims. The threshold is solved over the store's lanes
 * and the weekdays of its orders (recency-weighted), once per season, target and week
 * (the week's holidays), until the next sample.
 * <p>
 * Where lanes are known from few parcels (a store's first peak season), shrinking their
 * shares can keep what a promise states below a high target until it reaches the lanes'
 * slowest parcels: solved for the target, every lane would be promised that late, days
 * longer than its target quantile, for a point or two of stated confidence. So a day that
 * keeps fewer than {@link #MIN_KEPT_PER_DAY} of the orders is spent only as far as the
 * level the target quantiles of the lanes would state: at that level the shared threshold
 * is no longer on average than the quantiles (they are one of its choices), and shorter
 * wherever lanes differ. Not thread-safe (guarded by {@link TransitModel}).
 */
final class LatenessThresholds {

	/**
	 * The least share of orders (stated, per calendar day) a further day of promise must
	 * keep to be spent beyond the lanes' quantile level: one order in 30 (a late promise
	 * costs the store no more than a month of waiting spread over its orders).
	 */
	static final double MIN_KEPT_PER_DAY = 1.0 / 30;

	/** Recency-weighted orders per lane: each lane's share in the threshold. */
	private final Map<Lane, Double> lanes = new HashMap<>();

	/** Recency-weighted orders by the weekday they were placed (Monday first). */
	private final double[] weekdays = new double[7];

	private final Map<String, SharedLateness.Threshold> cache = new HashMap<>();

	void add(Lane lane, LocalDate placed, double weight) {
		this.lanes.merge(lane, weight, Double::sum);
		this.weekdays[placed.getDayOfWeek().ordinal()] += weight;
		this.cache.clear();
	}

	void clear() {
		this.cache.clear();
	}

	void scale(double factor) {
		this.lanes.replaceAll((lane, w) -> w * factor);
		Arrays.setAll(this.weekdays, (day) -> this.weekdays[day] * factor);
	}

	/**
	 * The promise (business days from {@code start}) for an order on {@code lane} whose
	 * distribution is {@code blend}; {@code fromOrder} gives every lane's distribution
	 * from a start date.
	 */
	int days(Lane lane, LocalDate start, String season, double target, Blend blend,
			BiFunction<Lane, LocalDate, Blend> fromOrder) {
		LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		SharedLateness.Threshold threshold = this.cache.computeIfAbsent(season + target + monday, (key) -> {
			List<double[]> cdfs = new ArrayList<>();
			List<double[]> costs = new ArrayList<>();
			List<Double> weights = new ArrayList<>();
			double[] quantile = new double[2];
			this.lanes.forEach((other, weight) -> {
				Blend b = fromOrder.apply(other, start);
				if (b == null) {
					return;
				}
				double[] stated = stated(b);
				int days = Histogram.quantile(b.cdf(), target);
				for (int day = 0; day < 7; day++) {
					cdfs.add(stated);
					costs.add(SharedLateness.calendarDays(monday.plusDays(day), other.calendarCountry()));
					weights.add(weight * this.weekdays[day]);
					quantile[0] += weight * this.weekdays[day] * stated[days];
					quantile[1] += weight * this.weekdays[day];
				}
			});
			SharedLateness.Threshold solved = SharedLateness.solve(cdfs, costs, weights, target);
			double quantiles = (quantile[1] > 0) ? quantile[0] / quantile[1] : 1;
			if (quantiles >= target || solved.low() >= MIN_KEPT_PER_DAY) {
				return solved;
			}
			// see the class: days that keep few orders are spent only up to the
			// quantiles' stated level
			SharedLateness.Threshold atQuantiles = SharedLateness.solve(cdfs, costs, weights, quantiles);
			return (atQuantiles.low() <= MIN_KEPT_PER_DAY) ? atQuantiles
					: new SharedLateness.Threshold(MIN_KEPT_PER_DAY, MIN_KEPT_PER_DAY, 0, target);
		});
		return threshold.days(stated(blend), SharedLateness.calendarDays(start, lane.calendarCountry()));
	}

	/**
	 * The confidence a promise of each day would state: the blended share shrunk towards
	 * uncertainty by the effective sample size n, (p·n + ½) / (n + 1).
	 */
	static double[] stated(Blend blend) {
		double n = blend.strength();
		return Arrays.stream(blend.cdf()).map((p) -> (p * n + 0.5) / (n + 1)).toArray();
	}

}
