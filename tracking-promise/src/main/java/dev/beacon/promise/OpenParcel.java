package dev.beacon.promise;

import java.time.LocalDate;

import dev.beacon.common.BusinessCalendar;

import org.jspecify.annotations.Nullable;

/**
 * A parcel ordered (and perhaps handed to the carrier) but not delivered yet: what the
 * model knows of it on a day is that it takes at least as long as it has been open
 * (right-censored). An undelivered imported row ({@code delivered_at} empty, status
 * pending or in transit), or, in the walk-forward backtest, a parcel delivered after the
 * month's cut-off.
 */
record OpenParcel(Lane lane, LocalDate placed, @Nullable LocalDate shipped) {

	/**
	 * Business days from the order to {@code asOf}, the first day whose deliveries are
	 * not known yet: the parcel takes at least this many (it may still arrive that day).
	 */
	int openDays(LocalDate asOf) {
		return BusinessCalendar.businessDaysBetween(this.placed, asOf, this.lane.calendarCountry());
	}

	/** Business days from the handover to {@code asOf} (-1 when not handed over). */
	int transitOpenDays(LocalDate asOf) {
		return (this.shipped != null)
				? BusinessCalendar.businessDaysBetween(this.shipped, asOf, this.lane.calendarCountry()) : -1;
	}

	/** Business days from the order to the handover (-1 when not handed over). */
	int handlingDays() {
		return (this.shipped != null)
				? BusinessCalendar.businessDaysBetween(this.placed, this.shipped, this.lane.calendarCountry()) : -1;
	}

}
