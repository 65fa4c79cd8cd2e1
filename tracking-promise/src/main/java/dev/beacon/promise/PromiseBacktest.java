package dev.beacon.promise;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays history: learns from the older part, promises each newer parcel as the engine
 * would have at order time, and compares with what happened, and with the promise the
 * store actually gave ({@code promised_by}).
 */
public final class PromiseBacktest {

	private PromiseBacktest() {
	}

	/**
	 * @param samples delivered history (any order)
	 * @param trainShare share of the oldest parcels used for learning (e.g. 0.7)
	 * @param target reliability to promise at (0..1)
	 * @param minSamples as the engine's {@code beacon.promise.min-samples}
	 */
	public static Result run(List<DeliverySample> samples, double trainShare, double target, int minSamples) {
		List<DeliverySample> sorted = new ArrayList<>(samples);
		sorted.sort(Comparator.comparing(DeliverySample::placed));
		int cut = (int) Math.round(sorted.size() * trainShare);
		TransitModel model = new TransitModel(minSamples, 0, false, false);
		sorted.subList(0, cut).forEach(model::add);
		int promised = 0;
		int kept = 0;
		double confidenceSum = 0;
		long windowDays = 0;
		long leadDays = 0;
		int storePromised = 0;
		int storeKept = 0;
		long storeLeadDays = 0;
		for (DeliverySample s : sorted.subList(cut, sorted.size())) {
			var p = model.promise(s.lane(), s.placed(), false, target);
			if (p.isPresent()) {
				promised++;
				confidenceSum += p.get().confidence();
				if (!s.delivered().isAfter(p.get().latest())) {
					kept++;
				}
				windowDays += ChronoUnit.DAYS.between(p.get().earliest(), p.get().latest());
				leadDays += ChronoUnit.DAYS.between(s.placed(), p.get().latest());
			}
			if (s.promisedBy() != null) {
				storePromised++;
				if (!s.delivered().isAfter(s.promisedBy())) {
					storeKept++;
				}
				storeLeadDays += ChronoUnit.DAYS.between(s.placed(), s.promisedBy());
			}
		}
		return new Result(cut, promised, ratio(kept, promised), ratio(confidenceSum, promised),
				ratio(leadDays, promised), ratio(windowDays, promised), storePromised, ratio(storeKept, storePromised),
				ratio(storeLeadDays, storePromised), target);
	}

	private static double ratio(double a, int b) {
		return (b == 0) ? 0 : Math.round(a / b * 1000) / 1000.0;
	}

	/**
	 * @param trained parcels learned from
	 * @param promised newer parcels the engine promised
	 * @param keptRate share of those delivered by the engine's latest date
	 * @param meanConfidence the engine's average stated confidence (compare with
	 * keptRate)
	 * @param meanLeadDays average calendar days from order to the promised latest date
	 * @param meanWindowDays average width of the window in calendar days
	 * @param storePromised newer parcels with a store promise (promised_by)
	 * @param storeKeptRate share of those delivered by the store's promise
	 * @param storeMeanLeadDays average calendar days from order to the store's promise
	 * @param target the reliability asked for
	 */
	public record Result(int trained, int promised, double keptRate, double meanConfidence, double meanLeadDays,
			double meanWindowDays, int storePromised, double storeKeptRate, double storeMeanLeadDays, double target) {
	}

}
