package dev.beacon.web.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

	private static final Map<Locale, DateFormats> DATES = new ConcurrentHashMap<>();

	private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();

	private static final Map<Locale, DateTimeFormatter> SCAN_TIMES = new ConcurrentHashMap<>();

	private static final Map<ZoneInLocale, String> ZONE_NAMES = new ConcurrentHashMap<>();

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
		return cached(DATES, locale, DateFormats::of).of(date.getYear() == thisYear).format(date);
	}

	/**
	 * A scan's time as the history lists it ("Mar 2, 2026, 10:00 AM", medium date and
	 * short time), in {@code zone}: the localized pattern resolved once per language (a
	 * localized formatter looks it up again on every format).
	 */
	static DateTimeFormatter scanTimes(ZoneId zone, Locale locale) {
		return cached(SCAN_TIMES, locale,
				(l) -> DateTimeFormatter.ofPattern(DateTimeFormatterBuilder
					.getLocalizedDateTimePattern(FormatStyle.MEDIUM, FormatStyle.SHORT, IsoChronology.INSTANCE, l), l))
			.withZone(zone);
	}

	/**
	 * The zone's full name in the language ("Central Standard Time"), found once a pair.
	 */
	static String zoneName(ZoneId zone, Locale locale) {
		return cached(ZONE_NAMES, new ZoneInLocale(zone, locale),
				(z) -> z.zone().getDisplayName(TextStyle.FULL, z.locale()));
	}

	static String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return cached(DATE_TIMES, locale,
				(l) -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(l))
			.withZone(zone)
			.format(instant);
	}

	/**
	 * A language's formatter (or a zone's name in a language), built once: the page
	 * speaks a handful of languages ({@link ShopperLocales}) and stores a few zones, and
	 * the cache stops growing past 256 entries whatever it is given.
	 */
	private static <K, T> T cached(Map<K, T> cache, K key, Function<K, T> build) {
		T found = cache.get(key);
		if (found == null) {
			found = build.apply(key);
			if (cache.size() < 256) {
				cache.putIfAbsent(key, found);
			}
		}
		return found;
	}

	private record ZoneInLocale(ZoneId zone, Locale locale) {
	}

	/**
	 * The date formats of a language, with and without the year: finding the localized
	 * pattern, stripping its year and parsing it cost more than formatting. Formatters
	 * are immutable.
	 */
	private record DateFormats(DateTimeFormatter withYear, DateTimeFormatter withoutYear) {

		static DateFormats of(Locale locale) {
			String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.FULL, null,
					IsoChronology.INSTANCE, locale);
			String withoutYear = YEAR.matcher(pattern).replaceAll("").strip();
			DateTimeFormatter full = DateTimeFormatter.ofPattern(pattern, locale);
			return new DateFormats(full, (!withoutYear.equals(pattern) && !withoutYear.isEmpty())
					? DateTimeFormatter.ofPattern(withoutYear, locale) : full);
		}

		DateTimeFormatter of(boolean thisYear) {
			return thisYear ? this.withoutYear : this.withYear;
		}

	}

}
