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
 * (the week's holidays), until the next sample. Not thread-safe (guarded by
 * {@link TransitModel}).
 */
final class LatenessThresholds {

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
			this.lanes.forEach((other, weight) -> {
				Blend b = fromOrder.apply(other, start);
				for (int day = 0; b != null && day < 7; day++) {
					cdfs.add(stated(b));
					costs.add(SharedLateness.calendarDays(monday.plusDays(day), other.calendarCountry()));
					weights.add(weight * this.weekdays[day]);
				}
			});
			return SharedLateness.solve(cdfs, costs, weights, target);
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
