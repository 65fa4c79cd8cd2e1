package dev.beacon.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Forgiving readers for JSON Beacon receives from outside (carrier, aggregator and
 * platform payloads): numbers and strings alike, blanks as absent, unreadable values as
 * absent rather than an exception. The one copy every adapter reads with.
 */
public final class JsonFields {

	private JsonFields() {
	}

	/**
	 * A received body read as a JSON object, or null when it is not one (malformed,
	 * empty, not UTF-8, an array or a scalar): webhook controllers answer 400 for null.
	 */
	public static @Nullable JsonNode object(ObjectMapper json, byte[] raw) {
		try {
			JsonNode node = json.readTree(raw);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The text of a field, or null when absent, null, a container or blank. */
	public static @Nullable String text(JsonNode node, String field) {
		JsonNode v = node.path(field);
		if (v.isMissingNode() || v.isNull() || v.isContainer()) {
			return null;
		}
		String s = v.asString().strip();
		return s.isEmpty() ? null : s;
	}

	/** The first present field. */
	public static @Nullable String first(JsonNode node, String... fields) {
		for (String f : fields) {
			String s = text(node, f);
			if (s != null) {
				return s;
			}
		}
		return null;
	}

	/** An ISO date-time with or without offset (no offset: UTC); null when unreadable. */
	public static @Nullable Instant instant(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex2) {
				return null;
			}
		}
	}

	/** A whole number field, or the fallback. */
	public static int integer(JsonNode node, String field, int fallback) {
		String s = text(node, field);
		if (s == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(s);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
