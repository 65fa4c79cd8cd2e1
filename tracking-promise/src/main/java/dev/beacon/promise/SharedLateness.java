package dev.beacon.promise;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.beacon.common.BusinessCalendar;

/**
 * One shared cost of lateness for every lane instead of one quantile for all: the promise
 * for each lane is chosen so that the mean promise over the store's orders is as short as
 * possible while the orders, taken together, are kept at the target rate. Promising one
 * more day on a lane costs a day on each of its orders and keeps the share of them that
 * arrive on that day; at the optimum that share (the lane's delivery density at its
 * promise) is the same threshold {@code h} on every lane (Lagrange; the lane's order
 * share multiplies both sides and cancels). A tight lane, whose parcels all arrive within
 * a day or two, is promised a high quantile cheaply; a long-tailed lane, where each
 * further day keeps few parcels, a lower one. Days are whole, so a lane's promise is a
 * vertex of the upper concave hull of its cumulative distribution: the first from which
 * no later day keeps at least {@code h} of the parcels per extra day. The threshold is
 * solved on the learned history so that the lanes' expected on-time rate, weighted by
 * their (recency-weighted) orders, is the target.
 */
final class SharedLateness {

	/** d business days cost d. */
	private static final double[] BUSINESS_DAYS = new double[Histogram.MAX_DAYS + 1];

	static {
		for (int d = 0; d <= Histogram.MAX_DAYS; d++) {
			BUSINESS_DAYS[d] = d;
		}
	}

	private SharedLateness() {
	}

	/**
	 * Calendar days from {@code start} to the end of d business days in {@code country}
	 * (what the shopper waits, and what the promise's length is measured in).
	 */
	static double[] calendarDays(LocalDate start, String country) {
		double[] cost = new double[Histogram.MAX_DAYS + 1];
		LocalDate day = start;
		for (int d = 0; d <= Histogram.MAX_DAYS; d++) {
			// as the promise counts them: addBusinessDays(start, d)
			day = BusinessCalendar.addBusinessDays((d <= 1) ? start : day, (d <= 1) ? d : 1, country);
			cost[d] = ChronoUnit.DAYS.between(start, day);
		}
		return cost;
	}

	/**
	 * The vertices (day counts) of the upper concave hull of {@code cdf}, starting at its
	 * {@link #floor} quantile for {@code target}; slopes between them decrease.
	 */
	static int[] hull(double[] cdf, double target) {
		return hull(cdf, BUSINESS_DAYS, target);
	}

	/**
	 * The same with the promise's length measured in {@code cost[d]} (e.g. calendar days
	 * for d business days) instead of d.
	 */
	static int[] hull(double[] cdf, double[] cost, double target) {
		int[] stack = new int[cdf.length];
		int top = 0;
		for (int d = Histogram.quantile(cdf, floor(target)); d < cdf.length; d++) {
			while (top >= 2 && onOrBelow(cdf, cost, stack[top - 2], stack[top - 1], d)) {
				top--;
			}
			stack[top++] = d;
		}
		int[] vertices = new int[top];
		System.arraycopy(stack, 0, vertices, 0, top);
		return vertices;
	}

	/**
	 * The lowest level a lane is promised at: late at most twice as often as the target
	 * allows ({@code 1 - 2(1 - target)}) and kept at least half as often as the target
	 * ({@code target / 2}, which binds below a 2/3 target), so no lane is given up for
	 * the others.
	 */
	static double floor(double target) {
		return Math.max(target / 2, 1 - 2 * (1 - target));
	}

	/** Whether b lies on or below the chord from a to c (a &lt; b &lt; c). */
	private static boolean onOrBelow(double[] cdf, double[] cost, int a, int b, int c) {
		return (cdf[b] - cdf[a]) * (cost[c] - cost[a]) <= (cdf[c] - cdf[a]) * (cost[b] - cost[a]) + 1e-12;
	}

	/**
	 * The promise (business days) at threshold {@code h}: the first hull vertex after
	 * which the next one keeps less than {@code h} of the parcels per extra day.
	 */
	static int days(double[] cdf, double[] cost, int[] hull, double h) {
		for (int i = 0; i < hull.length - 1; i++) {
			double slope = (cdf[hull[i + 1]] - cdf[hull[i]]) / (cost[hull[i + 1]] - cost[hull[i]]);
			if (slope < h) {
				return hull[i];
			}
		}
		return hull[hull.length - 1];
	}

	/**
	 * The shared threshold at which the lanes ({@code cdfs}, weighted by {@code weights})
	 * are expected to be kept at {@code target}. Lanes whose next hull segment has
	 * exactly the critical slope (ties, e.g. lanes of the same shape) all go the same
	 * part of the way along it, so that the target is met and identical lanes are
	 * promised the same quantile.
	 */
	static Threshold solve(List<double[]> cdfs, List<Double> weights, double target) {
		return solve(cdfs, cdfs.stream().map((c) -> BUSINESS_DAYS).toList(), weights, target);
	}

	/**
	 * The same with each lane's promise length measured in its {@code costs} (see
	 * {@link #hull(double[], double[], double)}).
	 */
	static Threshold solve(List<double[]> cdfs, List<double[]> costs, List<Double> weights, double target) {
		int[][] hulls = new int[cdfs.size()][];
		for (int i = 0; i < cdfs.size(); i++) {
			hulls[i] = hull(cdfs.get(i), costs.get(i), target);
		}
		double lo = 0;
		double hi = 1;
		if (kept(cdfs, costs, weights, hulls, hi) >= target - 1e-9) {
			return new Threshold(hi, hi, 0, target);
		}
		for (int iteration = 0; iteration < 50; iteration++) {
			double h = (lo + hi) / 2;
			if (kept(cdfs, costs, weights, hulls, h) >= target - 1e-9) {
				lo = h;
			}
			else {
				hi = h;
			}
		}
		double longer = kept(cdfs, costs, weights, hulls, lo);
		double shorter = kept(cdfs, costs, weights, hulls, hi);
		double share = (longer <= shorter) ? 0 : Math.min(1, Math.max(0, (target - shorter) / (longer - shorter)));
		return new Threshold(lo, hi, share, target);
	}

	/** The expected on-time share of the lanes at threshold {@code h}. */
	private static double kept(List<double[]> cdfs, List<double[]> costs, List<Double> weights, int[][] hulls,
			double h) {
		double kept = 0;
		double total = 0;
		for (int i = 0; i < cdfs.size(); i++) {
			double[] cdf = cdfs.get(i);
			kept += weights.get(i) * cdf[days(cdf, costs.get(i), hulls[i], h)];
			total += weights.get(i);
		}
		return (total == 0) ? 1 : kept / total;
	}

	/**
	 * A solved threshold: at {@code low} the lanes are kept at least at the target, at
	 * {@code high} (a hair above) less; a lane whose promise differs between the two goes
	 * {@code share} of the way from the shorter to the longer promise's level.
	 */
	record Threshold(double low, double high, double share, double target) {

		/** The promise (business days) for a lane with this distribution. */
		int days(double[] cdf) {
			return days(cdf, BUSINESS_DAYS);
		}

		/** The same with the promise's length measured in {@code cost}. */
		int days(double[] cdf, double[] cost) {
			int[] hull = hull(cdf, cost, this.target);
			int longer = SharedLateness.days(cdf, cost, hull, this.low);
			int shorter = SharedLateness.days(cdf, cost, hull, this.high);
			if (longer == shorter) {
				return longer;
			}
			return Histogram.quantile(cdf, cdf[shorter] + this.share * (cdf[longer] - cdf[shorter]));
		}

	}

}
