package dev.beacon.carriers.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.beacon.carriers.http.OAuthTokens.Token;
import dev.beacon.common.JsonFields;
import dev.beacon.shipment.PollOutcome;

/**
 * Small, forgiving readers for carrier JSON: the carrier-specific ones (local time,
 * offset, durations, tokens) here, the general ones shared through core's
 * {@link JsonFields}.
 */
public final class Json {

	private Json() {
	}

	/** The text of a field, or null when absent, null, a container or blank. */
	public static @Nullable String text(JsonNode node, String field) {
		return JsonFields.text(node, field);
	}

	public static String textOr(JsonNode node, String field, String fallback) {
		String s = text(node, field);
		return (s != null) ? s : fallback;
	}

	/** Reads an ISO date-time with or without an offset (no offset: UTC). */
	public static @Nullable Instant instant(@Nullable String iso) {
		return JsonFields.instant(iso);
	}

	/** The wall-clock part of an ISO date-time, whatever offset it carries. */
	public static @Nullable LocalDateTime local(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(iso).toLocalDateTime();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso);
			}
			catch (DateTimeParseException ex2) {
				return null;
			}
		}
	}

	/** The offset of an ISO date-time ("-04:00"), or null when it has none. */
	public static @Nullable String offset(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(iso).getOffset().getId();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	public static @Nullable LocalDate date(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Reads an OAuth token answer ({@code expires_in} may be a string). */
	public static Token token(JsonNode body, String carrier) {
		String token = text(body, "access_token");
		if (token == null) {
			throw new CarrierCallException(PollOutcome.AUTH_FAILED, carrier + " token answer has no access_token");
		}
		long seconds = 3600;
		String expires = text(body, "expires_in");
		if (expires != null) {
			try {
				seconds = Long.parseLong(expires);
			}
			catch (NumberFormatException ignored) {
				// keep the default
			}
		}
		return new Token(token, Duration.ofSeconds(Math.max(60, seconds)));
	}

}
