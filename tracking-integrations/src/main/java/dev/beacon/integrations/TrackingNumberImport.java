package dev.beacon.integrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.common.JsonFields;
import dev.beacon.imports.CsvLines;
import dev.beacon.imports.ImportProcessor;
import dev.beacon.imports.ImportRun;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentException;
import dev.beacon.shipment.ShipmentManagement;

/**
 * Bulk tracking numbers for stores on any platform ({@code POST
 * /api/v1/imports/tracking-numbers}, CSV
 * {@code orderNumber,trackingNumber,carrier,shippedAt}; carrier optional and detected
 * when blank). A number the order already has is unchanged, so re-uploading the same file
 * changes nothing.
 */
@Component
class TrackingNumberImport implements ImportProcessor {

	static final String KIND = "tracking-numbers";

	static final List<String> HEADER = List.of("ordernumber", "trackingnumber", "carrier", "shippedat");

	static final int BATCH = 200;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	TrackingNumberImport(OrderManagement orders, ShipmentManagement shipments) {
		this.orders = orders;
		this.shipments = shipments;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void check(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> header = new CsvLines(reader).next();
			List<String> names = (header == null) ? List.of()
					: header.stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
			if (!names.equals(HEADER)) {
				throw new IllegalArgumentException(
						"the first line must be the header orderNumber,trackingNumber,carrier,shippedAt");
			}
		}
	}

	@Override
	public void process(ImportRun run, Path file) throws IOException {
		Map<String, Integer> seen = new HashMap<>();
		int rows = 0;
		int changed = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			CsvLines csv = new CsvLines(reader);
			csv.next();
			List<String> fields;
			while ((fields = csv.next()) != null) {
				if (fields.size() == 1 && fields.get(0).isBlank()) {
					continue;
				}
				run.read();
				Boolean outcome = row(run, csv.line(), fields, seen);
				if (outcome != null) {
					rows++;
					changed += outcome ? 1 : 0;
				}
				if (rows >= BATCH) {
					run.written(rows, changed);
					rows = 0;
					changed = 0;
				}
			}
		}
		if (rows > 0) {
			run.written(rows, changed);
		}
	}

	/**
	 * True when a shipment was added, false when it was there already, null when
	 * rejected.
	 */
	private @Nullable Boolean row(ImportRun run, int line, List<String> f, Map<String, Integer> seen) {
		if (f.size() != 4) {
			run.rejected(line, "line", "expected 4 fields, found " + f.size());
			return null;
		}
		String orderNumber = f.get(0).strip();
		String number = ShipmentManagement.normalizeTrackingNumber(f.get(1).strip());
		String carrier = f.get(2).strip().toLowerCase(Locale.ROOT);
		if (orderNumber.isEmpty()) {
			run.rejected(line, "orderNumber", "is required");
			return null;
		}
		if (number.isEmpty()) {
			run.rejected(line, "trackingNumber", "is required");
			return null;
		}
		Instant shippedAt;
		try {
			shippedAt = shippedAt(f.get(3).strip());
		}
		catch (RuntimeException ex) {
			run.rejected(line, "shippedAt", "must be a date (2026-11-30) or an ISO date-time");
			return null;
		}
		Integer first = seen.putIfAbsent(orderNumber + "|" + number, line);
		if (first != null) {
			run.rejected(line, "trackingNumber", "repeats line " + first);
			return null;
		}
		Optional<Order> order = this.orders.find(run.storeId(), orderNumber);
		if (order.isEmpty()) {
			run.rejected(line, "orderNumber", "no order " + orderNumber + " in this store");
			return null;
		}
		boolean present = this.shipments.ofOrder(order.get().getId())
			.stream()
			.anyMatch((s) -> s.trackingNumber().equals(number));
		if (present) {
			return false;
		}
		try {
			this.shipments.register(run.storeId(), orderNumber,
					new RegisterShipment(number, carrier.isEmpty() ? null : carrier, null, shippedAt));
			return true;
		}
		catch (ShipmentException ex) {
			run.rejected(line, ex.field(), ex.getMessage());
			return null;
		}
	}

	private static @Nullable Instant shippedAt(String value) {
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() == 10) {
			return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		Instant at = JsonFields.instant(value);
		if (at == null) {
			throw new IllegalArgumentException(value);
		}
		return at;
	}

}
