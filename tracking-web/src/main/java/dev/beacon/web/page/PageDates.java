package dev.beacon.web.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.status.DeliveryWindow;

/**
 * Dates as shoppers read them, relative to the application's {@link Clock}: "Wednesday,
 * November 25" (the year only when it is not this year), delivery windows from today on.
 */
@Component
class PageDates {

	private static final Pattern YEAR = Pattern.compile("\\s*,?\\s*('de'\\s*)?y+\\.?");

	private final Clock clock;

	private final MessageSource messages;

	PageDates(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	LocalDate today(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	/** The window from today on (a window that began in the past starts today). */
	String window(DeliveryWindow w, ZoneId zone, Locale locale) {
		LocalDate today = today(zone);
		LocalDate earliest = (w.earliest().isBefore(today) && !w.latest().isBefore(today)) ? today : w.earliest();
		if (earliest.equals(w.latest())) {
			return date(earliest, zone, locale);
		}
		return this.messages.getMessage("window.range",
				new Object[] { date(earliest, zone, locale), date(w.latest(), zone, locale) }, locale);
	}

	/** Whether the window ended before today (an estimate nobody should still show). */
	boolean ended(DeliveryWindow w, ZoneId zone) {
		return w.latest().isBefore(today(zone));
	}

	String date(LocalDate date, ZoneId zone, Locale locale) {
		return date(date, today(zone).getYear(), locale);
	}

	/** "Wednesday, November 25", with the year only when it is not {@code thisYear}. */
	static String date(LocalDate date, int thisYear, Locale locale) {
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.FULL, null,
				IsoChronology.INSTANCE, locale);
		if (date.getYear() == thisYear) {
			String withoutYear = YEAR.matcher(pattern).replaceAll("").strip();
			if (!withoutYear.equals(pattern) && !withoutYear.isEmpty()) {
				pattern = withoutYear;
			}
		}
		return DateTimeFormatter.ofPattern(pattern, locale).format(date);
	}

	static String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

}
