package dev.beacon.promise;

import java.time.LocalDate;

import dev.beacon.common.BusinessCalendar;

import org.jspecify.annotations.Nullable;

/**
 * One delivered parcel, in the store's calendar: when it was ordered, handed to the
 * carrier (when known) and delivered, and what the store had promised.
 */
public record DeliverySample(Lane lane, LocalDate placed, @Nullable LocalDate shipped, LocalDate delivered,
		@Nullable LocalDate promisedBy) {

	/**
	 * The country whose calendar counts the days (the destination's, else the origin's).
	 */
	String country() {
		return this.lane.calendarCountry();
	}

	/**
	 * Business days from the order to the delivery, as a promise counts them: a parcel
	 * delivered on a weekend or holiday arrived after the business day before it (a
	 * promise ending on Friday does not hold a Saturday delivery), so it counts as
	 * delivered on the next business day.
	 */
	int totalDays() {
		return BusinessCalendar.businessDaysBetween(this.placed, this.delivered, country()) + offDay();
	}

	int transitDays() {
		return (this.shipped != null)
				? BusinessCalendar.businessDaysBetween(this.shipped, this.delivered, country()) + offDay() : -1;
	}

	private int offDay() {
		return BusinessCalendar.isBusinessDay(this.delivered, country()) ? 0 : 1;
	}

}
