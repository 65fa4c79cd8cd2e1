package dev.beacon.status;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The days between which a parcel is expected, inclusive, in the destination's calendar.
 */
public record DeliveryWindow(LocalDate earliest, LocalDate latest) {

	public DeliveryWindow {
		if (latest.isBefore(earliest)) {
			throw new IllegalArgumentException("latest " + latest + " is before earliest " + earliest);
		}
	}

	public static @Nullable DeliveryWindow of(@Nullable LocalDate earliest, @Nullable LocalDate latest) {
		if (earliest == null && latest == null) {
			return null;
		}
		LocalDate e = (earliest != null) ? earliest : latest;
		LocalDate l = (latest != null) ? latest : earliest;
		return new DeliveryWindow(e, l);
	}

	public boolean endsAfter(LocalDate date) {
		return this.latest.isAfter(date);
	}

}
