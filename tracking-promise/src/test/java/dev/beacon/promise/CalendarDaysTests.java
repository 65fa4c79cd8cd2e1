package dev.beacon.promise;

import java.time.LocalDate;

import dev.beacon.common.BusinessCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promises measured in the days a shopper waits, on generated lanes with known answers.
 */
class CalendarDaysTests {

	private static final Lane LANE = Lane.of("CA", "US", "NY", "US", "ups", "ground");

	/**
	 * Orders placed on Mondays and Wednesdays; of every ten, eight arrive after 2
	 * business days, one after 3 and one after 4. At an 87% target the same quantile
	 * everywhere promises 3 business days: Thursday for a Monday order (3 calendar days),
	 * the next Monday for a Wednesday order (5). In calendar days a Wednesday order's
	 * third day costs three days for a tenth of the parcels, a Monday order's fourth day
	 * one: the shared cost of lateness promises both by Friday (4 and 2 business days: 4
	 * and 2 calendar days, kept 100% and 80%, 90% together), a day shorter on average.
	 */
	@Test
	void aBusinessDayAfterAWeekendCostsTheDaysItTakes() {
		TransitModel model = new TransitModel(30, 0, true, false);
		TransitModel perLane = new TransitModel(30, 0, false, false);
		int i = 0;
		for (LocalDate monday = LocalDate.of(2025, 3, 3); monday
			.isBefore(LocalDate.of(2025, 5, 19)); monday = monday.plusWeeks(1)) {
			for (LocalDate placed : new LocalDate[] { monday, monday.plusDays(2) }) {
				for (int k = 0; k < 10; k++, i++) {
					int days = (i % 10 < 8) ? 2 : (i % 10 == 8) ? 3 : 4;
					DeliverySample s = new DeliverySample(LANE, placed, null,
							BusinessCalendar.addBusinessDays(placed, days, "US"), null);
					model.add(s);
					perLane.add(s);
				}
			}
		}
		LocalDate monday = LocalDate.of(2025, 6, 2);
		LocalDate wednesday = LocalDate.of(2025, 6, 4);
		LocalDate friday = LocalDate.of(2025, 6, 6);
		assertThat(perLane.promise(LANE, monday, false, 0.87, 0.4).orElseThrow().latest())
			.isEqualTo(LocalDate.of(2025, 6, 5));
		assertThat(perLane.promise(LANE, wednesday, false, 0.87, 0.4).orElseThrow().latest())
			.isEqualTo(LocalDate.of(2025, 6, 9));
		Promise mondayOrder = model.promise(LANE, monday, false, 0.87, 0.4).orElseThrow();
		Promise wednesdayOrder = model.promise(LANE, wednesday, false, 0.87, 0.4).orElseThrow();
		assertThat(mondayOrder.latest()).isEqualTo(friday);
		assertThat(wednesdayOrder.latest()).isEqualTo(friday);
		// each states its own level: all arrived by Friday on Monday orders, 80% on
		// Wednesday's
		assertThat(mondayOrder.confidence()).isGreaterThan(0.99);
		assertThat(wednesdayOrder.confidence()).isBetween(0.79, 0.81);
	}

	/**
	 * Orders placed on Mondays: 85% arrive on Friday, 15% on Saturday. A promise by
	 * Friday would be kept 85% of the time, so at a 90% target the promise is the next
	 * business day (Monday), not Friday: a parcel delivered on a weekend counts as
	 * delivered on the next business day, as the promise's date is compared with the
	 * delivery's.
	 */
	@Test
	void aWeekendDeliveryCountsAsTheNextBusinessDay() {
		TransitModel model = new TransitModel(30, 0, false, false);
		int i = 0;
		for (LocalDate monday = LocalDate.of(2025, 3, 3); monday
			.isBefore(LocalDate.of(2025, 5, 19)); monday = monday.plusWeeks(1)) {
			for (int k = 0; k < 20; k++, i++) {
				model.add(new DeliverySample(LANE, monday, null, monday.plusDays((i % 20 < 17) ? 4 : 5), null));
			}
		}
		assertThat(new DeliverySample(LANE, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4),
				LocalDate.of(2025, 3, 8), null)
			.totalDays()).isEqualTo(5);
		Promise p = model.promise(LANE, LocalDate.of(2025, 6, 2), false, 0.9, 0.4).orElseThrow();
		assertThat(p.latest()).isEqualTo(LocalDate.of(2025, 6, 9));
		assertThat(p.confidence()).isGreaterThan(0.99);
	}

	/**
	 * Twenty parcels ordered on Mondays: 16 arrive after 2 business days, 2 after 3, 2
	 * after 4. Their raw shares reach a 90% target on day 3 (Thursday), but with 20
	 * parcels a promise of day 3 states (0.9 × 20 + ½) / 21 = 88.1%, below the target:
	 * the shared cost of lateness is solved on the stated confidence, so the promise is
	 * day 4 (Friday), stating 97.6%.
	 */
	@Test
	void aLaneKnownFromFewParcelsIsPromisedAtTheConfidenceItStates() {
		TransitModel model = new TransitModel(30, 0, true, false);
		LocalDate monday = LocalDate.of(2025, 3, 3);
		for (int i = 0; i < 20; i++, monday = monday.plusWeeks(1)) {
			int days = (i < 16) ? 2 : (i < 18) ? 3 : 4;
			model.add(
					new DeliverySample(LANE, monday, null, BusinessCalendar.addBusinessDays(monday, days, "US"), null));
		}
		Promise p = model.promise(LANE, LocalDate.of(2025, 8, 4), false, 0.9, 0.4).orElseThrow();
		assertThat(p.latest()).isEqualTo(LocalDate.of(2025, 8, 8));
		assertThat(p.confidence()).isCloseTo(20.5 / 21, org.assertj.core.api.Assertions.within(0.001));
	}

	/**
	 * A young store: 20 lanes (4 carriers × 5 regions) of 20 parcels each, 19 within 4
	 * business days and one after 12. At a 94% target each lane's quantile is day 4 (95%
	 * arrived), but with so few parcels a promise of day 4 states (0.95 × 30 + ½) / 31 =
	 * 93.5%, and only the straggler's day states more. Solved for the target, the orders
	 * of the weekdays where those days cost the fewest calendar days (Tuesday's) were
	 * promised 8 business days later, for a point and a half of stated confidence. Those
	 * days keep under one order in 30 per day, so they are spent only up to the level the
	 * quantiles state: every weekday, every lane and a question naming no carrier is
	 * promised day 4, as the quantile.
	 */
	@Test
	void thinLanesAreNotPromisedTheirStragglersDayForAPointOfConfidence() {
		TransitModel model = new TransitModel(30, 0, true, false);
		TransitModel perLane = new TransitModel(30, 0, false, false);
		String[] carriers = { "ups", "usps", "fedex", "dhl" };
		String[] regions = { "NY", "CA", "TX", "FL", "IL" };
		LocalDate placed = LocalDate.of(2025, 9, 1);
		for (int k = 0; k < 20; k++) {
			int days = (k == 19) ? 12 : 2 + k % 3;
			for (String carrier : carriers) {
				for (String region : regions) {
					DeliverySample s = new DeliverySample(Lane.of("CA", "US", region, "US", carrier, "ground"), placed,
							null, BusinessCalendar.addBusinessDays(placed, days, "US"), null);
					model.add(s);
					perLane.add(s);
				}
			}
			placed = placed.plusDays((k % 5 == 4) ? 3 : 1);
		}
		for (LocalDate day = LocalDate.of(2025, 10, 6); day
			.isBefore(LocalDate.of(2025, 10, 11)); day = day.plusDays(1)) {
			for (Lane lane : new Lane[] { Lane.of("CA", "US", "NY", "US", "ups", "ground"),
					Lane.of("CA", "US", "TX", "US", "dhl", "ground"), Lane.of(null, null, "NY", "US", null, null) }) {
				Promise quantile = perLane.promise(lane, day, false, 0.94, 0.45).orElseThrow();
				Promise shared = model.promise(lane, day, false, 0.94, 0.45).orElseThrow();
				assertThat(quantile.latestDays()).as("%s ordered %s", lane.label(), day).isEqualTo(4);
				assertThat(shared.latestDays()).as("%s ordered %s", lane.label(), day).isEqualTo(4);
				assertThat(shared.confidence()).as("%s ordered %s", lane.label(), day).isEqualTo(quantile.confidence());
			}
		}
	}

}
