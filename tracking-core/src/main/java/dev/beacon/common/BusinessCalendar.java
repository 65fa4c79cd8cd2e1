package dev.beacon.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one business-day calendar of Beacon: carrier business days are Monday to Friday,
 * without the destination country's public holidays on which carriers do not deliver.
 * Known calendars: US (federal holidays), BR (national holidays, Carnival, Good Friday
 * and Corpus Christi included), GB, DE, CA; other (or unknown, {@code null}) countries
 * skip weekends, New Year and Christmas. Used by core's fallback estimator, the promise
 * engine, the console's queues and the demo.
 */
public final class BusinessCalendar {

	private static final Set<MonthDay> BR = Set.of(MonthDay.of(1, 1), MonthDay.of(4, 21), MonthDay.of(5, 1),
			MonthDay.of(9, 7), MonthDay.of(10, 12), MonthDay.of(11, 2), MonthDay.of(11, 15), MonthDay.of(11, 20),
			MonthDay.of(12, 25));

	private static final Set<MonthDay> US = Set.of(MonthDay.of(1, 1), MonthDay.of(6, 19), MonthDay.of(7, 4),
			MonthDay.of(11, 11), MonthDay.of(12, 25));

	private static final Set<MonthDay> GB_DE = Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

	private static final Set<MonthDay> CA = Set.of(MonthDay.of(1, 1), MonthDay.of(7, 1), MonthDay.of(12, 25),
			MonthDay.of(12, 26));

	private static final Set<MonthDay> OTHER = Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25));

	private BusinessCalendar() {
	}

	public static boolean isBusinessDay(LocalDate date, @Nullable String country) {
		DayOfWeek dow = date.getDayOfWeek();
		if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
			return false;
		}
		return !isHoliday(date, country);
	}

	public static boolean isHoliday(LocalDate date, @Nullable String country) {
		MonthDay md = MonthDay.from(date);
		return switch ((country != null) ? country.toUpperCase(Locale.ROOT) : "") {
			case "US" -> US.contains(md) || date.equals(nth(date.getYear(), Month.JANUARY, DayOfWeek.MONDAY, 3))
					|| date.equals(nth(date.getYear(), Month.FEBRUARY, DayOfWeek.MONDAY, 3))
					|| date.equals(LocalDate.of(date.getYear(), 5, 31)
						.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
					|| date.equals(nth(date.getYear(), Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
					|| date.equals(nth(date.getYear(), Month.OCTOBER, DayOfWeek.MONDAY, 2))
					|| date.equals(nth(date.getYear(), Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
			case "BR" -> BR.contains(md) || brazilMoveable(date);
			case "GB", "DE" -> GB_DE.contains(md);
			case "CA" -> CA.contains(md);
			default -> OTHER.contains(md);
		};
	}

	/**
	 * Brazil's holidays that move with Easter: Carnival Monday and Tuesday (48 and 47
	 * days before), Good Friday and Corpus Christi (60 days after).
	 */
	private static boolean brazilMoveable(LocalDate date) {
		long offset = java.time.temporal.ChronoUnit.DAYS.between(easter(date.getYear()), date);
		return offset == -48 || offset == -47 || offset == -2 || offset == 60;
	}

	/** Easter Sunday (Gregorian, anonymous algorithm). */
	static LocalDate easter(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
	}

	/**
	 * Business days in {@code (from, to]}; 0 when {@code to} is not after {@code from}.
	 */
	public static int businessDaysBetween(LocalDate from, LocalDate to, @Nullable String country) {
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isBusinessDay(d, country)) {
				days++;
			}
			if (days > 400) {
				break;
			}
		}
		return days;
	}

	/**
	 * The date {@code days} business days after {@code from} ({@code from} itself for 0,
	 * moved to the next business day when it is not one).
	 */
	public static LocalDate addBusinessDays(LocalDate from, int days, @Nullable String country) {
		LocalDate d = from;
		if (days == 0) {
			while (!isBusinessDay(d, country)) {
				d = d.plusDays(1);
			}
			return d;
		}
		int added = 0;
		while (added < days) {
			d = d.plusDays(1);
			if (isBusinessDay(d, country)) {
				added++;
			}
		}
		return d;
	}

	/** Peak season (late November to the end of December) or the rest of the year. */
	public static boolean isPeak(LocalDate date) {
		return (date.getMonth() == Month.NOVEMBER && date.getDayOfMonth() >= 20) || date.getMonth() == Month.DECEMBER;
	}

}
