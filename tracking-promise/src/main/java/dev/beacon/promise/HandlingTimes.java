package dev.beacon.promise;

import java.util.HashMap;
import java.util.Map;

/**
 * The store's own handling time (order to handover, in business days), store-wide and per
 * origin (shrunk toward the store's like the transit levels), recency-weighted like the
 * transit histograms. A promise from the order date convolves it with the lane's transit
 * (handover to delivery): the store's pace and the carrier's are learned apart, so a lane
 * with few parcels borrows the store's handling time from all of them. Not thread-safe
 * (guarded by {@link TransitModel}). Orders not handed over yet count as open (at least
 * as long as they have waited).
 */
final class HandlingTimes {

	private static final int MAX_DAYS = Histogram.MAX_DAYS;

	private final Map<String, Histogram> byOrigin = new HashMap<>();

	private final int minSamples;

	private final double priorStrength;

	HandlingTimes(int minSamples, double priorStrength) {
		this.minSamples = minSamples;
		this.priorStrength = priorStrength;
	}

	void add(Lane lane, int days, double weight) {
		this.byOrigin.computeIfAbsent("", (k) -> new Histogram()).add(days, weight);
		this.byOrigin.computeIfAbsent(key(lane), (k) -> new Histogram()).add(days, weight);
	}

	/** An order not handed over yet, open for {@code atLeast} business days. */
	void addOpen(Lane lane, int atLeast, double weight) {
		this.byOrigin.computeIfAbsent("", (k) -> new Histogram()).addOpen(atLeast, weight);
		this.byOrigin.computeIfAbsent(key(lane), (k) -> new Histogram()).addOpen(atLeast, weight);
	}

	void scale(double factor) {
		this.byOrigin.values().forEach((h) -> h.scale(factor));
	}

	/**
	 * Shares of parcels handed over after 0, 1, ... business days from this lane's
	 * origin; null while the store has fewer than {@code minSamples} parcels with a
	 * handover.
	 */
	double[] shares(Lane lane) {
		Histogram all = this.byOrigin.get("");
		if (all == null || all.n < this.minSamples) {
			return null;
		}
		double[] cdf = all.cdf();
		Histogram own = this.byOrigin.get(key(lane));
		if (own != null && own.n > 0 && own.parcels() != all.parcels()) {
			double e = own.effective();
			double[] ownCdf = own.cdf();
			for (int d = 0; d <= MAX_DAYS; d++) {
				cdf[d] = (e * ownCdf[d] + this.priorStrength * cdf[d]) / (e + this.priorStrength);
			}
		}
		double[] shares = new double[MAX_DAYS + 1];
		for (int d = 0; d <= MAX_DAYS; d++) {
			shares[d] = cdf[d] - ((d == 0) ? 0 : cdf[d - 1]);
		}
		return shares;
	}

	/**
	 * The distribution of handling plus transit, assumed independent: for each day, the
	 * share handed over after h days times the share of transits done within the rest.
	 */
	static double[] convolve(double[] handlingShares, double[] transitCdf) {
		double[] cdf = new double[MAX_DAYS + 1];
		for (int h = 0; h <= MAX_DAYS; h++) {
			if (handlingShares[h] == 0) {
				continue;
			}
			for (int d = h; d <= MAX_DAYS; d++) {
				cdf[d] += handlingShares[h] * transitCdf[d - h];
			}
		}
		return cdf;
	}

	private static String key(Lane lane) {
		return lane.originRegion() + "|" + lane.originCountry();
	}

}
