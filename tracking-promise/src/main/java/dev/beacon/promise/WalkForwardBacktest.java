package dev.beacon.promise;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A walk-forward backtest, leak-free by construction: for each month it builds a fresh
 * model from the deliveries completed before the month began (and the target from the
 * store's own promises among them) and, with {@code beacon.promise.open-parcels}, from
 * the parcels ordered before it and still open then (known only as "at least this long":
 * their delivery, or handover, after the cut-off is never used; with
 * {@code beacon.promise.trend} they are counted as orders not delivered yet), then
 * promises every order placed in the month as the engine would have at order time, and
 * compares with what happened and with the promise the store gave ({@code promised_by}).
 */
public final class WalkForwardBacktest {

	private WalkForwardBacktest() {
	}

	/**
	 * @param samples the store's delivered history (any order)
	 * @param undelivered the store's parcels never delivered (pending or in transit)
	 * @param storeTarget the store's {@code targetReliability} (90 = not set: the store's
	 * own on-time rate before each month is the target)
	 */
	static Report run(List<DeliverySample> samples, List<OpenParcel> undelivered, YearMonth from, YearMonth to,
			int storeTarget, PromiseSettings settings) {
		List<DeliverySample> byPlaced = new ArrayList<>(samples);
		byPlaced.sort(Comparator.comparing(DeliverySample::placed));
		// learned in the order they were delivered, as the engine learns them
		List<DeliverySample> byDelivered = new ArrayList<>(samples);
		byDelivered.sort(Comparator.comparing(DeliverySample::delivered).thenComparing(DeliverySample::placed));
		List<Row> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			LocalDate start = month.atDay(1);
			TransitModel model = PromiseEngine.newModel(settings);
			byDelivered.stream().filter((s) -> s.delivered().isBefore(start)).forEach(model::add);
			if (settings.openParcels()) {
				// ordered before the cut-off, not delivered by then: open, nothing more
				// known
				byPlaced.stream()
					.filter((s) -> s.placed().isBefore(start) && !s.delivered().isBefore(start))
					.forEach((s) -> model.open(asOf(s.lane(), s.placed(), s.shipped(), start), start));
				undelivered.stream()
					.filter((p) -> p.placed().isBefore(start))
					.forEach((p) -> model.open(asOf(p.lane(), p.placed(), p.shipped(), start), start));
			}
			else if (settings.trend()) {
				// the trend counts the orders still open at the cut-off, nothing more
				byPlaced.stream()
					.filter((s) -> s.placed().isBefore(start) && !s.delivered().isBefore(start))
					.forEach((s) -> model.pending(s.placed()));
				undelivered.stream()
					.filter((p) -> p.placed().isBefore(start))
					.forEach((p) -> model.pending(p.placed()));
			}
			double target = PromiseEngine.target(storeTarget, model);
			Tally t = new Tally(month.toString(), target);
			YearMonth current = month;
			byPlaced.stream()
				.filter((s) -> YearMonth.from(s.placed()).equals(current))
				.forEach((s) -> t.add(s,
						model.promise(s.lane(), s.placed(), false, target, settings.windowShare()).orElse(null)));
			months.add(t.row());
		}
		return new Report(months, total(months));
	}

	static Report run(List<DeliverySample> samples, YearMonth from, YearMonth to, int storeTarget,
			PromiseSettings settings) {
		return run(samples, List.of(), from, to, storeTarget, settings);
	}

	/**
	 * An open parcel as known before {@code cutoff}: a later handover is not known yet.
	 */
	private static OpenParcel asOf(Lane lane, LocalDate placed, @Nullable LocalDate shipped, LocalDate cutoff) {
		return new OpenParcel(lane, placed, (shipped != null && shipped.isBefore(cutoff)) ? shipped : null);
	}

	private static Row total(List<Row> months) {
		Tally all = new Tally("total", 0);
		for (Row r : months) {
			all.merge(r);
		}
		return all.row();
	}

	/**
	 * One line of the report (a month, or the total).
	 *
	 * @param orders delivered orders placed in the period
	 * @param promised those the engine could promise
	 * @param target the reliability aimed at (average over months for the total)
	 * @param onTime share of promised orders delivered by the engine's latest date
	 * @param confidence the engine's mean stated confidence
	 * @param meanPromiseDays mean calendar days from order to the engine's latest date
	 * @param meanWindowDays mean calendar days from earliest to latest
	 * @param inWindow share delivered within the window (neither early nor late)
	 * @param storePromised orders with a store promise
	 * @param storeOnTime share of those delivered by the store's promise
	 * @param storeMeanPromiseDays mean calendar days from order to the store's promise
	 */
	public record Row(String period, int orders, int promised, double target, double onTime, double confidence,
			double meanPromiseDays, double meanWindowDays, double inWindow, int storePromised, double storeOnTime,
			double storeMeanPromiseDays) {
	}

	public record Report(List<Row> months, Row total) {

		/** The console report: one line per month, the total, and the goal checks. */
		public void print(PrintStream out) {
			out.println("                     ---------------- Beacon ----------------   --- the store's own ---");
			out.println("month      orders  target on-time stated  promise  window in-win  orders on-time promise");
			for (Row r : this.months) {
				line(out, r);
			}
			line(out, this.total);
			Row t = this.total;
			out.printf("goal: on-time >= store - 0.5 pt: %s (%+.1f pt)%n", yes(t.onTime() >= t.storeOnTime() - 0.005),
					(t.onTime() - t.storeOnTime()) * 100);
			out.printf("goal: promise >= 2 days shorter: %s (%+.1f days)%n",
					yes(t.meanPromiseDays() <= t.storeMeanPromiseDays() - 2),
					t.meanPromiseDays() - t.storeMeanPromiseDays());
			out.printf("goal: stated within 3 pt of realised: %s (%+.1f pt)%n",
					yes(Math.abs(t.confidence() - t.onTime()) <= 0.03), (t.confidence() - t.onTime()) * 100);
		}

		private static String yes(boolean ok) {
			return ok ? "met" : "NOT met";
		}

		private static void line(PrintStream out, Row r) {
			out.printf("%-9s %7d  %5.1f%%  %5.1f%% %5.1f%%  %5.1fd  %5.1fd %5.1f%%  %6d  %5.1f%%  %5.1fd%n", r.period(),
					r.orders(), r.target() * 100, r.onTime() * 100, r.confidence() * 100, r.meanPromiseDays(),
					r.meanWindowDays(), r.inWindow() * 100, r.storePromised(), r.storeOnTime() * 100,
					r.storeMeanPromiseDays());
		}

	}

	private static final class Tally {

		private final String period;

		private double target;

		private int months;

		private int orders;

		private int promised;

		private int kept;

		private int inWindow;

		private double confidence;

		private long lead;

		private long window;

		private int storePromised;

		private int storeKept;

		private long storeLead;

		Tally(String period, double target) {
			this.period = period;
			this.target = target;
			this.months = 1;
		}

		void add(DeliverySample s, Promise p) {
			this.orders++;
			if (p != null) {
				this.promised++;
				this.confidence += p.confidence();
				boolean onTime = !s.delivered().isAfter(p.latest());
				this.kept += onTime ? 1 : 0;
				this.inWindow += (onTime && !s.delivered().isBefore(p.earliest())) ? 1 : 0;
				this.lead += ChronoUnit.DAYS.between(s.placed(), p.latest());
				this.window += ChronoUnit.DAYS.between(p.earliest(), p.latest());
			}
			if (s.promisedBy() != null) {
				this.storePromised++;
				this.storeKept += s.delivered().isAfter(s.promisedBy()) ? 0 : 1;
				this.storeLead += ChronoUnit.DAYS.between(s.placed(), s.promisedBy());
			}
		}

		void merge(Row r) {
			this.target = (this.target * (this.months - 1) + r.target()) / this.months;
			this.months++;
			this.orders += r.orders();
			this.promised += r.promised();
			this.kept += Math.round(r.onTime() * r.promised());
			this.inWindow += Math.round(r.inWindow() * r.promised());
			this.confidence += r.confidence() * r.promised();
			this.lead += Math.round(r.meanPromiseDays() * r.promised());
			this.window += Math.round(r.meanWindowDays() * r.promised());
			this.storePromised += r.storePromised();
			this.storeKept += Math.round(r.storeOnTime() * r.storePromised());
			this.storeLead += Math.round(r.storeMeanPromiseDays() * r.storePromised());
		}

		Row row() {
			return new Row(this.period, this.orders, this.promised, this.target, ratio(this.kept, this.promised),
					ratio(this.confidence, this.promised), ratio(this.lead, this.promised),
					ratio(this.window, this.promised), ratio(this.inWindow, this.promised), this.storePromised,
					ratio(this.storeKept, this.storePromised), ratio(this.storeLead, this.storePromised));
		}

		private static double ratio(double a, int b) {
			return (b == 0) ? 0 : a / b;
		}

	}

}
