package dev.beacon.promise;

import java.util.List;
import java.util.Map;

/**
 * A blended distribution ({@link TransitModel}): cumulative shares by business day, its
 * strength (effective sample size with the prior), the level it is named after, and the
 * season's shift when the season has too few parcels of its own.
 */
record Blend(double[] cdf, double strength, Levels.Level basis, int basisSamples, String label, int shift) {

	/**
	 * The distribution for {@code lane} in {@code season} from {@code source} (the
	 * histograms from the order or from the handover): each level blended with the next
	 * wider one (null below the store-wide minimum).
	 */
	static Blend of(Map<String, Histogram> source, Lane lane, String season, int minSamples, double priorStrength) {
		Histogram seasonGlobal = source.get("G" + season);
		boolean seasonal = seasonGlobal != null && seasonGlobal.n >= minSamples;
		String suffix = seasonal ? season : "";
		List<Levels.Level> levels = Levels.of(lane);
		Histogram root = source.get(levels.get(levels.size() - 1).key() + suffix);
		if (root == null || root.n < Math.min(minSamples, 10)) {
			return null;
		}
		double[] cdf = root.cdf();
		double strength = root.effective();
		Levels.Level basis = levels.get(levels.size() - 1);
		int basisSamples = root.n;
		int wider = root.parcels();
		for (int i = levels.size() - 2; i >= 0; i--) {
			Histogram h = source.get(levels.get(i).key() + suffix);
			if (h == null || h.n == 0) {
				continue;
			}
			if (h.parcels() == wider) {
				// the same parcels as the wider level: nothing to add, do not count them
				// twice
				if (h.n >= minSamples) {
					basis = levels.get(i);
					basisSamples = h.n;
				}
				continue;
			}
			wider = h.parcels();
			double e = h.effective();
			double[] own = h.cdf();
			for (int d = 0; d <= Histogram.MAX_DAYS; d++) {
				cdf[d] = (e * own[d] + priorStrength * cdf[d]) / (e + priorStrength);
			}
			strength = e + priorStrength;
			if (h.n >= minSamples) {
				basis = levels.get(i);
				basisSamples = h.n;
			}
		}
		int shift = seasonal ? 0 : seasonShift(source, season, minSamples);
		String label = basis.label() + (seasonal && season.equals("#P") ? " (peak season)" : "");
		return new Blend(cdf, strength, basis, basisSamples, label, shift);
	}

	/**
	 * Extra business days the current season adds across the store (median of the season
	 * minus median of all), used when the season has too few parcels of its own.
	 */
	private static int seasonShift(Map<String, Histogram> source, String season, int minSamples) {
		Histogram inSeason = source.get("G" + season);
		Histogram all = source.get("G");
		if (inSeason == null || all == null || inSeason.n < Math.min(minSamples, 10)) {
			return 0;
		}
		return Math.max(0, Histogram.quantile(inSeason.cdf(), 0.5) - Histogram.quantile(all.cdf(), 0.5));
	}

}
