package dev.beacon.promise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import dev.beacon.common.BusinessCalendar;

/**
 * Learned business-day distributions for one store, kept as recency-weighted histograms
 * at five nested levels (everything; carrier; carrier + service + destination country;
 * the same + destination region; the full lane with the origin) and per season (peak,
 * regular, all year), from handover (transit) and from the order; a promise from the
 * order convolves the store's handling time with the lane's transit. A promise blends
 * each level with the next wider one in proportion to its effective sample size
 * (shrinkage: a lane with few parcels leans on its region, the region on the country,
 * ...). The promise from the order is the target quantile of that distribution or, with
 * {@code sharedLateness}, the day at one shared cost of lateness over the store's lanes
 * ({@link SharedLateness}). Parcels still open count as taking at least as long as they
 * have been open ({@link #open}; the distributions are then Kaplan–Meier estimates), so a
 * slowdown shows while it happens. Adding a sample updates every level at once, so the
 * next promise reflects it. Thread-safe.
 */
final class TransitModel {

	static final int MAX_DAYS = Histogram.MAX_DAYS;

	/** Exponent (in half-lives) above which all weights are rescaled. */
	private static final double REBASE = 200;

	private final int minSamples;

	private final double halfLifeDays;

	private final double priorStrength;

	private final boolean sharedLateness;

	private final Map<String, Histogram> fromOrder = new HashMap<>();

	private final Map<String, Histogram> fromHandover = new HashMap<>();

	private final HandlingTimes handling;

	private final Trend trend;

	/** Recency-weighted orders per lane: each lane's share in the shared threshold. */
	private final Map<Lane, Double> laneWeights = new HashMap<>();

	/** Shared lateness thresholds by season and target, until the next sample. */
	private final Map<String, SharedLateness.Threshold> thresholds = new HashMap<>();

	private long baseDay = Long.MIN_VALUE;

	private int size;

	private int open;

	private int offeredOpen;

	private int offered;

	private int storePromised;

	private int storeKept;

	/**
	 * @param minSamples parcels a level needs to be named as the basis; the store-wide
	 * level needs {@code min(minSamples, 10)} before anything is promised
	 * @param halfLifeDays recency: a parcel ordered this many days earlier counts half as
	 * much ({@code 0}: all count the same)
	 * @param sharedLateness promise from the order at one shared cost of lateness
	 * ({@link SharedLateness}) instead of the target quantile on every lane
	 * @param trend stretch promises from the order by the store's trend ({@link Trend})
	 */
	TransitModel(int minSamples, double halfLifeDays, boolean sharedLateness, boolean trend) {
		this.trend = new Trend(halfLifeDays, trend);
		this.minSamples = minSamples;
		this.halfLifeDays = halfLifeDays;
		this.sharedLateness = sharedLateness;
		this.priorStrength = Math.max(5, minSamples / 3.0);
		this.handling = new HandlingTimes(minSamples, this.priorStrength);
	}

	synchronized void add(DeliverySample sample) {
		this.offered++;
		if (sample.delivered().isBefore(sample.placed())) {
			return;
		}
		double weight = weight(sample.placed());
		int total = sample.totalDays();
		int transit = sample.transitDays();
		String season = season(sample.placed());
		count(this.fromOrder, sample.lane(), season, (h) -> h.add(total, weight));
		if (transit >= 0) {
			count(this.fromHandover, sample.lane(), season, (h) -> h.add(transit, weight));
			this.handling.add(sample.lane(), Math.max(0, total - transit), weight);
		}
		this.laneWeights.merge(sample.lane(), weight, Double::sum);
		this.trend.add(sample.placed(), sample.delivered(), total);
		this.thresholds.clear();
		this.size++;
		if (sample.promisedBy() != null) {
			this.storePromised++;
			this.storeKept += sample.delivered().isAfter(sample.promisedBy()) ? 0 : 1;
		}
	}

	/** Applies {@code action} to the histograms of every level and season of the lane. */
	private static void count(Map<String, Histogram> source, Lane lane, String season, Consumer<Histogram> action) {
		for (String levelKey : Levels.keys(lane)) {
			action.accept(source.computeIfAbsent(levelKey, (k) -> new Histogram()));
			action.accept(source.computeIfAbsent(levelKey + season, (k) -> new Histogram()));
		}
	}

	/**
	 * A parcel still open on {@code asOf} (the first day whose deliveries are not known):
	 * it counts, in every level and season its order would, as taking at least the
	 * business days it has been open, from the order and, once handed over, from the
	 * handover (its handling time is then known); an order not handed over counts as
	 * handling for at least that long. A parcel open longer than the longest delivery the
	 * model tells apart ({@link #MAX_DAYS} business days) is taken as lost and not
	 * counted.
	 */
	synchronized void open(OpenParcel parcel, LocalDate asOf) {
		this.offeredOpen++;
		int total = parcel.openDays(asOf);
		if (total <= 0 || total > MAX_DAYS) {
			return;
		}
		double weight = weight(parcel.placed());
		int transit = parcel.transitOpenDays(asOf);
		String season = season(parcel.placed());
		count(this.fromOrder, parcel.lane(), season, (h) -> h.addOpen(total, weight));
		if (transit >= 0) {
			count(this.fromHandover, parcel.lane(), season, (h) -> h.addOpen(transit, weight));
			this.handling.add(parcel.lane(), Math.max(0, parcel.handlingDays()), weight);
		}
		else {
			this.handling.addOpen(parcel.lane(), total, weight);
		}
		this.laneWeights.merge(parcel.lane(), weight, Double::sum);
		this.trend.open(parcel.placed());
		this.thresholds.clear();
		this.open++;
	}

	/** An order not delivered yet, for the trend only ({@link #open} counts it too). */
	synchronized void pending(LocalDate placed) {
		this.trend.open(placed);
		this.thresholds.clear();
	}

	/** The trend's ratio and factor ({@link Trend}; 1 and 1 when disabled). */
	synchronized double[] trend() {
		return new double[] { this.trend.ratio(), this.trend.factor() };
	}

	/**
	 * Open parcels given to {@link #open}, counted or not (compared with the stored
	 * count).
	 */
	synchronized int offeredOpen() {
		return this.offeredOpen;
	}

	/** Open parcels counted ({@link #open}). */
	synchronized int openParcels() {
		return this.open;
	}

	/**
	 * The share of the store's own promises ({@code promised_by}) its learned deliveries
	 * kept; empty without such history.
	 */
	synchronized OptionalDouble storeOnTime() {
		return (this.storePromised == 0) ? OptionalDouble.empty()
				: OptionalDouble.of((double) this.storeKept / this.storePromised);
	}

	private double weight(LocalDate placed) {
		if (this.halfLifeDays <= 0) {
			return 1;
		}
		long day = placed.toEpochDay();
		if (this.baseDay == Long.MIN_VALUE) {
			this.baseDay = day;
		}
		double exponent = (day - this.baseDay) / this.halfLifeDays;
		if (exponent > REBASE) {
			double factor = Math.pow(2, -exponent);
			this.fromOrder.values().forEach((h) -> h.scale(factor));
			this.fromHandover.values().forEach((h) -> h.scale(factor));
			this.handling.scale(factor);
			this.laneWeights.replaceAll((lane, w) -> w * factor);
			this.baseDay = day;
			exponent = 0;
		}
		return Math.pow(2, exponent);
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
	 * or the handover date with {@code handover}), at {@code target} reliability (0..1);
	 * the window holds {@code windowShare} of comparable parcels and ends at the target.
	 */
	synchronized Optional<Promise> promise(Lane lane, LocalDate start, boolean handover, double target,
			double windowShare) {
		Blend blend = handover ? blend(lane, start, true) : fromOrder(lane, start);
		if (blend == null) {
			return Optional.empty();
		}
		double[] cdf = blend.cdf();
		int latestDays = (handover || !this.sharedLateness) ? Histogram.quantile(cdf, target)
				: threshold(start, target).days(cdf);
		// the window ends at the level promised: the target, or the lane's own level
		double level = this.sharedLateness && !handover ? cdf[latestDays] : target;
		int earliestDays = Math.min(latestDays, Histogram.quantile(cdf, Math.max(0.1, level - windowShare)));
		double confidence = (cdf[latestDays] * blend.strength() + 0.5) / (blend.strength() + 1);
		String country = lane.calendarCountry();
		int shift = blend.shift();
		return Optional.of(new Promise(BusinessCalendar.addBusinessDays(start, earliestDays + shift, country),
				BusinessCalendar.addBusinessDays(start, latestDays + shift, country), round(confidence),
				blend.basisSamples(), blend.label(), blend.basis().name(), earliestDays + shift, latestDays + shift));
	}

	/**
	 * The shared lateness threshold ({@link SharedLateness}) at which the store's lanes,
	 * promised from the order in {@code start}'s season, are expected to be kept at
	 * {@code target} overall.
	 */
	private SharedLateness.Threshold threshold(LocalDate start, double target) {
		return this.thresholds.computeIfAbsent(season(start) + target, (key) -> {
			List<double[]> cdfs = new ArrayList<>();
			List<Double> weights = new ArrayList<>();
			this.laneWeights.forEach((lane, weight) -> {
				Blend blend = fromOrder(lane, start);
				if (blend != null) {
					cdfs.add(blend.cdf());
					weights.add(weight);
				}
			});
			return SharedLateness.solve(cdfs, weights, target);
		});
	}

	/**
	 * The distribution for {@code lane} from {@code start} (null below the store-wide
	 * minimum; {@link Blend#of}).
	 */
	private Blend blend(Lane lane, LocalDate start, boolean handover) {
		return Blend.of(handover ? this.fromHandover : this.fromOrder, lane, season(start), this.minSamples,
				this.priorStrength);
	}

	/**
	 * The order-to-delivery distribution: the store's handling time (order to handover,
	 * {@link HandlingTimes}) convolved with the lane's transit (handover to delivery)
	 * when both are known well enough; else the order-to-delivery histograms.
	 */
	private Blend fromOrder(Lane lane, LocalDate start) {
		Blend direct = blend(lane, start, false);
		Blend transit = blend(lane, start, true);
		double[] handled = this.handling.shares(lane);
		if (direct == null || transit == null || handled == null) {
			return this.trend.stretch(direct);
		}
		return this.trend.stretch(new Blend(HandlingTimes.convolve(handled, transit.cdf()),
				Math.min(direct.strength(), transit.strength()), direct.basis(), direct.basisSamples(), direct.label(),
				transit.shift()));
	}

	synchronized Optional<Promise> promise(Lane lane, LocalDate start, boolean handover, double target) {
		return promise(lane, start, handover, target, Math.max(0, target - 0.1));
	}

	private static double round(double d) {
		return Math.round(d * 1000) / 1000.0;
	}

	static String season(LocalDate date) {
		return BusinessCalendar.isPeak(date) ? "#P" : "#R";
	}

}
