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

	int totalDays() {
		return BusinessCalendar.businessDaysBetween(this.placed, this.delivered, country());
	}

	int transitDays() {
		return (this.shipped != null) ? BusinessCalendar.businessDaysBetween(this.shipped, this.delivered, country())
				: -1;
	}

}
