package dev.beacon.admin.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Formatting helpers for console templates ({@code ${@consoleFormat.dateTime(x)}}). */
@Component("consoleFormat")
class ConsoleFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	public String date(@Nullable Instant instant) {
		return (instant == null) ? "" : DATE.format(instant.atZone(ZoneOffset.UTC));
	}

	public String dateTime(@Nullable Instant instant) {
		return (instant == null) ? "" : DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
	}

	public String dateTime(@Nullable Instant instant, ZoneId zone) {
		return (instant == null) ? "" : DATE_TIME.format(instant.atZone(zone)) + " " + zone.getId();
	}

	public String percent(@Nullable Double fraction) {
		return (fraction == null) ? "–" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
	}

	public String days(@Nullable Double days) {
		return (days == null) ? "–" : String.format(Locale.ROOT, "%.1f", days);
	}

	public String words(@Nullable Object value) {
		return (value == null) ? "" : value.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
