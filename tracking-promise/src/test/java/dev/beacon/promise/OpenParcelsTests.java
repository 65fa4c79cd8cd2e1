package dev.beacon.promise;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Parcels still open at the cut-off ({@code beacon.promise.open-parcels}) count as taking
 * at least as long as they have been open (weighted Kaplan–Meier), on the generated lanes
 * of {@link WalkForwardBacktestTests}: NY 2–6 business days (from June 2024, 20 with the
 * slip), TX 8–12.
 */
class OpenParcelsTests {

	private static final PromiseSettings OPEN = new PromiseSettings(30, Duration.ofDays(30), 0.4, false, true);

	private static final PromiseSettings DELIVERED_ONLY = new PromiseSettings(30, Duration.ofDays(30), 0.4, false,
			false);

	@Test
	void kaplanMeierCountsAnOpenParcelUntilTheDayItIsKnownToHaveLasted() {
		Histogram h = new Histogram();
		h.add(1, 1);
		h.add(3, 1);
		assertThat(h.cdf()[1]).isCloseTo(0.5, within(1e-9));
		// open for 2 days: it did not arrive on day 1, nothing is known from day 2 on
		h.addOpen(2, 1);
		double[] cdf = h.cdf();
		assertThat(cdf[0]).isZero();
		assertThat(cdf[1]).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(cdf[2]).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(cdf[3]).isCloseTo(1, within(1e-9));
		assertThat(h.n).isEqualTo(2);
		assertThat(h.openN).isEqualTo(1);
		// open for 0 days: nothing known
		h.addOpen(0, 5);
		assertThat(h.cdf()[1]).isCloseTo(1 / 3.0, within(1e-9));
	}

	@Test
	void aSlowdownIsPromisedLongerTheMonthAfterBecauseOfItsOpenParcels() {
		List<DeliverySample> slip = WalkForwardBacktestTests.history(true);
		LocalDate cutoff = LocalDate.of(2024, 7, 1);
		TransitModel open = model(slip, cutoff, true);
		TransitModel delivered = model(slip, cutoff, false);
		// not one of June's slow NY parcels has arrived by July 1: without them NY keeps
		// its old 70% promise of 5 days
		assertThat(delivered.promise(WalkForwardBacktestTests.NY, cutoff, false, 0.7, 0.4).orElseThrow().latestDays())
			.isEqualTo(5);
		// with them, a third of the recent NY parcels are known to take longer than any
		// NY
		// parcel ever delivered (6 days): the estimate can only say "beyond what was
		// seen",
		// the horizon of 60 business days
		assertThat(open.promise(WalkForwardBacktestTests.NY, cutoff, false, 0.7, 0.4).orElseThrow().latestDays())
			.isEqualTo(60);
		// TX did not change
		assertThat(open.promise(WalkForwardBacktestTests.TX, cutoff, false, 0.7, 0.4).orElseThrow().latestDays())
			.isEqualTo(11);
		var withOpen = WalkForwardBacktest.run(slip, YearMonth.of(2024, 6), YearMonth.of(2024, 9), 70, OPEN);
		var without = WalkForwardBacktest.run(slip, YearMonth.of(2024, 6), YearMonth.of(2024, 9), 70, DELIVERED_ONLY);
		assertThat(withOpen.months().get(1).onTime()).isCloseTo(0.91, within(0.01));
		assertThat(without.months().get(1).onTime()).isCloseTo(0.4, within(0.06));
		// and it recovers from the slowdown at least as fast
		assertThat(withOpen.months().get(2).onTime()).isGreaterThan(0.85);
		assertThat(withOpen.months().get(3).onTime()).isGreaterThan(0.85);
	}

	@Test
	void aSteadyLaneKeepsItsKnownQuantileWithOpenParcelsPresent() {
		List<DeliverySample> steady = WalkForwardBacktestTests.history(false);
		LocalDate cutoff = LocalDate.of(2024, 7, 1);
		TransitModel model = model(steady, cutoff, true);
		// the known answers of WalkForwardBacktestTests, with the parcels open on July 1
		assertThat(model.openParcels()).isEqualTo(39);
		LocalDate monday = LocalDate.of(2024, 7, 8);
		assertThat(model.promise(WalkForwardBacktestTests.NY, monday, false, 0.7, 0.4).orElseThrow().latestDays())
			.isEqualTo(5);
		assertThat(model.promise(WalkForwardBacktestTests.TX, monday, false, 0.7, 0.4).orElseThrow().latestDays())
			.isEqualTo(11);
		assertThat(model.promise(WalkForwardBacktestTests.NY, monday, false, 0.7, 0.4).orElseThrow().earliestDays())
			.isEqualTo(3);
		var report = WalkForwardBacktest.run(steady, YearMonth.of(2024, 7), YearMonth.of(2024, 10), 70,
				new PromiseSettings(30, Duration.ofDays(365), 0.4, false, true));
		var before = WalkForwardBacktest.run(steady, YearMonth.of(2024, 7), YearMonth.of(2024, 10), 70,
				new PromiseSettings(30, Duration.ofDays(365), 0.4, false, false));
		// the same promises as from the delivered parcels alone, the same stated
		// confidence within a point
		assertThat(report.total().onTime()).isEqualTo(before.total().onTime());
		assertThat(report.total().meanPromiseDays()).isEqualTo(before.total().meanPromiseDays());
		assertThat(report.total().confidence()).isCloseTo(before.total().confidence(), within(0.01));
		assertThat(report.total().onTime()).isCloseTo(0.8, within(0.04));
	}

	@Test
	void aParcelOpenLongerThanTheLongestDeliveryIsTakenAsLost() {
		TransitModel model = PromiseEngine.newModel(OPEN);
		LocalDate placed = LocalDate.of(2024, 1, 2);
		model.open(new OpenParcel(WalkForwardBacktestTests.NY, placed, null), placed.plusMonths(4));
		model.open(new OpenParcel(WalkForwardBacktestTests.NY, placed, null), placed);
		assertThat(model.offeredOpen()).isEqualTo(2);
		assertThat(model.openParcels()).isZero();
	}

	/**
	 * The model at {@code cutoff}: deliveries before it and, if asked, parcels open then.
	 */
	private static TransitModel model(List<DeliverySample> samples, LocalDate cutoff, boolean open) {
		TransitModel model = PromiseEngine.newModel(open ? OPEN : DELIVERED_ONLY);
		samples.stream().filter((s) -> s.delivered().isBefore(cutoff)).forEach(model::add);
		if (open) {
			samples.stream()
				.filter((s) -> s.placed().isBefore(cutoff) && !s.delivered().isBefore(cutoff))
				.forEach(
						(s) -> model.open(
								new OpenParcel(s.lane(), s.placed(),
										(s.shipped() != null && s.shipped().isBefore(cutoff)) ? s.shipped() : null),
								cutoff));
		}
		return model;
	}

}
