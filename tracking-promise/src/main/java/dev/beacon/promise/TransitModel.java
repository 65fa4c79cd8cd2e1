package dev.beacon.promise;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.beacon.common.BusinessCalendar;

/**
 * Learned business-day distributions for one store, kept as histograms at four levels
 * (lane; carrier + service + destination country; carrier; everything) and per season
 * (peak, regular, any). Adding a sample updates every level at once, so the next promise
 * reflects it. Thread-safe.
 */
final class TransitModel {

	static final int MAX_DAYS = 60;

	private final int minSamples;

	private final Map<String, Histogram> fromOrder = new HashMap<>();

	private final Map<String, Histogram> fromHandover = new HashMap<>();

	private int size;

	private int offered;

	TransitModel(int minSamples) {
		this.minSamples = minSamples;
	}

	synchronized void add(DeliverySample sample) {
		this.offered++;
		if (sample.delivered().isBefore(sample.placed())) {
			return;
		}
		int total = sample.totalDays();
		int transit = sample.transitDays();
		String season = season(sample.placed());
		for (Level level : levels(sample.lane())) {
			for (String key : new String[] { level.key(), level.key() + season }) {
				this.fromOrder.computeIfAbsent(key, (k) -> new Histogram()).add(total);
				if (transit >= 0) {
					this.fromHandover.computeIfAbsent(key, (k) -> new Histogram()).add(transit);
				}
			}
		}
		this.size++;
	}

	synchronized int size() {
		return this.size;
	}

	/** Samples given to {@link #add}, learned or not (compared with the stored count). */
	synchronized int offered() {
		return this.offered;
	}

	/**
	 * A promise for a parcel on {@code lane} starting on {@code start} (the order date,
	 * or the handover date with {@code handover}), at {@code target} reliability (0..1).
	 */
	synchronized Optional<Promise> promise(Lane lane, LocalDate start, boolean handover, double target) {
		Map<String, Histogram> source = handover ? this.fromHandover : this.fromOrder;
		String season = season(start);
		int shift = 0;
		Histogram chosen = null;
		Level chosenLevel = null;
		boolean seasonal = false;
		for (Level level : levels(lane)) {
			Histogram h = source.get(level.key() + season);
			int needed = level.name().equals("global") ? Math.min(this.minSamples, 10) : this.minSamples;
			if (h != null && h.n >= needed) {
				chosen = h;
				chosenLevel = level;
				seasonal = true;
				break;
			}
			h = source.get(level.key());
			if (h != null && h.n >= needed) {
				chosen = h;
				chosenLevel = level;
				shift = seasonShift(source, season);
				break;
			}
		}
		if (chosen == null) {
			return Optional.empty();
		}
		int earliestDays = chosen.quantile(0.10) + shift;
		int latestDays = chosen.quantile(target) + shift;
		double confidence = chosen.cdf(latestDays - shift);
		String country = !lane.destinationCountry().isEmpty() ? lane.destinationCountry() : lane.originCountry();
		String label = chosenLevel.label() + (seasonal && season.equals("#P") ? " (peak season)" : "");
		return Optional.of(new Promise(BusinessCalendar.addBusinessDays(start, earliestDays, country),
				BusinessCalendar.addBusinessDays(start, latestDays, country), round(confidence), chosen.n, label,
				chosenLevel.name(), earliestDays, latestDays));
	}

	/**
	 * Extra business days the current season adds across the store (median of the season
	 * minus median of all), used when a level has no seasonal data of its own.
	 */
	private int seasonShift(Map<String, Histogram> source, String season) {
		Histogram inSeason = source.get("G" + season);
		Histogram all = source.get("G");
		if (inSeason == null || all == null || inSeason.n < this.minSamples) {
			return 0;
		}
		return Math.max(0, inSeason.quantile(0.5) - all.quantile(0.5));
	}

	private static double round(double d) {
		return Math.round(d * 1000) / 1000.0;
	}

	static String season(LocalDate date) {
		return BusinessCalendar.isPeak(date) ? "#P" : "#R";
	}

	static List<Level> levels(Lane l) {
		return List.of(
				new Level("lane",
						"L|" + l.originRegion() + "|" + l.originCountry() + "|" + l.destinationRegion() + "|"
								+ l.destinationCountry() + "|" + l.carrier() + "|" + l.service(),
						l.label()),
				new Level("carrier-service-country",
						"S|" + l.carrier() + "|" + l.service() + "|" + l.destinationCountry(),
						(l.carrier().isEmpty() ? "any carrier" : l.carrier())
								+ (l.service().isEmpty() ? "" : " " + l.service()) + " to "
								+ (l.destinationCountry().isEmpty() ? "anywhere" : l.destinationCountry())),
				new Level("carrier", "C|" + l.carrier(), l.carrier().isEmpty() ? "all carriers" : l.carrier()),
				new Level("global", "G", "all deliveries of the store"));
	}

	record Level(String name, String key, String label) {
	}

	/** Counts of parcels by whole business days (capped at {@link #MAX_DAYS}). */
	static final class Histogram {

		final int[] counts = new int[MAX_DAYS + 1];

		int n;

		void add(int days) {
			this.counts[Math.max(0, Math.min(MAX_DAYS, days))]++;
			this.n++;
		}

		/** The smallest day count by which at least {@code q} of parcels arrived. */
		int quantile(double q) {
			double need = q * this.n;
			int cum = 0;
			for (int d = 0; d <= MAX_DAYS; d++) {
				cum += this.counts[d];
				if (cum >= need - 1e-9 && cum > 0) {
					return d;
				}
			}
			return MAX_DAYS;
		}

		/**
		 * Share arrived within {@code days}, shrunk slightly towards the unknown ((k +
		 * 0.5) / (n + 1)) so that small samples do not claim certainty.
		 */
		double cdf(int days) {
			int cum = 0;
			for (int d = 0; d <= Math.min(days, MAX_DAYS); d++) {
				cum += this.counts[d];
			}
			return (cum + 0.5) / (this.n + 1.0);
		}

	}

}
