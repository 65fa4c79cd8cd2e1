package dev.beacon.promise.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** One validated history row. */
record HistoryRow(String orderNumber, Instant placedAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
		@Nullable LocalDate promisedBy, @Nullable String originRegion, @Nullable String originCountry,
		@Nullable String destinationRegion, @Nullable String destinationPostalCode, @Nullable String destinationCountry,
		String carrier, String service, String status) {

	static final List<String> HEADER = List.of("order_number", "placed_at", "shipped_at", "delivered_at", "promised_by",
			"origin_region", "origin_country", "destination_region", "destination_postal_code", "destination_country",
			"carrier", "service", "status");

	static final Set<String> STATUSES = Set.of("DELIVERED", "IN_TRANSIT", "EXCEPTION", "RETURNED", "LOST", "CANCELLED");

	String key() {
		return this.orderNumber + "\u0000" + this.carrier + "\u0000" + this.service;
	}

	/** Validates one record; throws {@link RowException} naming the field. */
	static HistoryRow parse(List<String> f, ZoneId zone, Instant now) {
		if (f.size() != HEADER.size()) {
			throw new RowException("row", "expected " + HEADER.size() + " fields, found " + f.size());
		}
		String orderNumber = required(f, 0, 64);
		Instant placed = instant(f, 1, zone);
		if (placed == null) {
			throw new RowException("placed_at", "is required");
		}
		Instant shipped = instant(f, 2, zone);
		Instant delivered = instant(f, 3, zone);
		LocalDate promised = date(f, 4);
		Instant future = now.plusSeconds(86_400);
		if (placed.isAfter(future) || (shipped != null && shipped.isAfter(future))
				|| (delivered != null && delivered.isAfter(future))) {
			throw new RowException("placed_at", "times must not be in the future");
		}
		if (shipped != null && shipped.isBefore(placed.minusSeconds(86_400))) {
			throw new RowException("shipped_at", "is before placed_at");
		}
		if (delivered != null && delivered.isBefore((shipped != null) ? shipped : placed.minusSeconds(86_400))) {
			throw new RowException("delivered_at", "is before " + ((shipped != null) ? "shipped_at" : "placed_at"));
		}
		String carrier = carrierKey(optional(f, 10, 120));
		String service = optional(f, 11, 100);
		String status = optional(f, 12, 20);
		status = (status == null) ? ((delivered != null) ? "DELIVERED" : "IN_TRANSIT")
				: status.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (!STATUSES.contains(status)) {
			throw new RowException("status",
					"must be one of delivered, in_transit, exception, returned, lost, cancelled");
		}
		if (status.equals("DELIVERED") && delivered == null) {
			throw new RowException("delivered_at", "is required when status is delivered");
		}
		return new HistoryRow(orderNumber, placed, shipped, delivered, promised, optional(f, 5, 120),
				country(f, 6, "origin_country"), optional(f, 7, 120), optional(f, 8, 20),
				country(f, 9, "destination_country"), carrier, (service != null) ? service : "", status);
	}

	/**
	 * Real exports often lack the carrier or give its name ("Canada Post"): an empty
	 * carrier is "any carrier" (the row still teaches its lane), a name becomes a
	 * code-like key ({@code canadapost}), never a rejected row.
	 */
	static String carrierKey(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		String key = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
		return (key.length() > 20) ? key.substring(0, 20) : key;
	}

	private static String required(List<String> f, int i, int max) {
		String v = optional(f, i, max);
		if (v == null) {
			throw new RowException(HEADER.get(i), "is required");
		}
		return v;
	}

	private static @Nullable String optional(List<String> f, int i, int max) {
		String v = f.get(i).strip();
		if (v.isEmpty()) {
			return null;
		}
		if (v.length() > max) {
			throw new RowException(HEADER.get(i), "is longer than " + max + " characters");
		}
		if (v.chars().anyMatch((c) -> c < 0x20)) {
			throw new RowException(HEADER.get(i), "contains control characters");
		}
		return v;
	}

	private static @Nullable String country(List<String> f, int i, String name) {
		String v = optional(f, i, 2);
		if (v != null && !v.matches("[A-Za-z]{2}")) {
			throw new RowException(name, "must be a two-letter country code");
		}
		return (v != null) ? v.toUpperCase(Locale.ROOT) : null;
	}

	private static @Nullable Instant instant(List<String> f, int i, ZoneId zone) {
		String v = optional(f, i, 40);
		if (v == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(v).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new RowException(HEADER.get(i), "is not an ISO-8601 date or time: '" + v + "'");
		}
	}

	private static @Nullable LocalDate date(List<String> f, int i) {
		String v = optional(f, i, 40);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
		}
		catch (DateTimeException ex) {
			throw new RowException(HEADER.get(i), "is not an ISO-8601 date: '" + v + "'");
		}
	}

	static final class RowException extends RuntimeException {

		private final String field;

		RowException(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

}
