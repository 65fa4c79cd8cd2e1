package dev.beacon.promise;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.common.BusinessCalendar;
import dev.beacon.store.StoreManagement;
import dev.beacon.store.StorePrincipal;

/**
 * {@code GET /api/v1/promise}: the delivery promise for an order placed now (or at
 * {@code orderedAt}) on a lane.
 */
@RestController
class PromiseApiController {

	private final PromiseEngine engine;

	private final StoreManagement stores;

	private final Clock clock;

	PromiseApiController(PromiseEngine engine, StoreManagement stores, Clock clock) {
		this.clock = clock;
		this.engine = engine;
		this.stores = stores;
	}

	@GetMapping(path = "/api/v1/promise", produces = "application/json")
	Map<String, Object> promise(@AuthenticationPrincipal StorePrincipal store,
			@RequestParam(required = false) @Nullable String originRegion,
			@RequestParam(required = false) @Nullable String originCountry,
			@RequestParam(required = false) @Nullable String destinationRegion,
			@RequestParam(required = false) @Nullable String destinationCountry,
			@RequestParam(required = false) @Nullable String carrier,
			@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String orderedAt) {
		check("originRegion", originRegion, 120);
		check("destinationRegion", destinationRegion, 120);
		check("service", service, 100);
		country("originCountry", originCountry);
		country("destinationCountry", destinationCountry);
		if (carrier != null && !carrier.isBlank() && !carrier.strip().matches("[A-Za-z0-9_-]{1,20}")) {
			throw new IllegalArgumentException("carrier must be a carrier code such as ups");
		}
		ZoneId zone = this.stores.byId(store.storeId()).orElseThrow().getTimeZone();
		Instant ordered = parseInstant(orderedAt, zone, this.clock.instant());
		Lane lane = Lane.of(originRegion, originCountry, destinationRegion, destinationCountry, carrier, service);
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> basis = new LinkedHashMap<>();
		var promise = this.engine.promise(store.storeId(), lane, ordered);
		if (promise.isPresent()) {
			Promise p = promise.get();
			body.put("earliest", p.earliest());
			body.put("latest", p.latest());
			body.put("confidence", p.confidence());
			basis.put("samples", p.samples());
			basis.put("lane", p.lane());
			basis.put("level", p.level());
		}
		else {
			// Not enough history anywhere: the simple rule (2 to 5 business days), with
			// no claim about its reliability.
			LocalDate start = ordered.atZone(zone).toLocalDate();
			String c = lane.destinationCountry().isEmpty() ? "US" : lane.destinationCountry();
			body.put("earliest", BusinessCalendar.addBusinessDays(start, 2, c));
			body.put("latest", BusinessCalendar.addBusinessDays(start, 5, c));
			body.put("confidence", null);
			basis.put("samples", 0);
			basis.put("lane", "no history yet: default of 2 to 5 business days");
			basis.put("level", "default");
		}
		body.put("basis", basis);
		return body;
	}

	static Instant parseInstant(@Nullable String value, ZoneId zone, Instant now) {
		if (value == null || value.isBlank()) {
			return now.truncatedTo(ChronoUnit.SECONDS);
		}
		String v = value.strip();
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(v).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(v).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("orderedAt must be an ISO-8601 date or date-time");
		}
	}

	private static void check(String name, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw new IllegalArgumentException(name + " must be at most " + max + " characters");
		}
	}

	private static void country(String name, @Nullable String value) {
		if (value != null && !value.isBlank() && !value.strip().matches("[A-Za-z]{2}")) {
			throw new IllegalArgumentException(name + " must be an ISO 3166-1 alpha-2 code such as US");
		}
	}

}
