package dev.beacon.carriers.dhl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.beacon.carriers.http.CarrierCallException;
import dev.beacon.carriers.http.CarrierGateway;
import dev.beacon.carriers.http.CarrierGateway.Answer;
import dev.beacon.carriers.http.CarrierGateway.Quota;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarrierSettings;
import dev.beacon.carriers.http.HttpCarrierAdapter;
import dev.beacon.carriers.http.Json;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.status.DeliveryWindow;

/**
 * DHL Shipment Tracking - Unified: the API key in the {@code DHL-API-Key} header, one
 * number per {@code GET /track/shipments?trackingNumber=}. The raw code is the coarse
 * {@code statusCode}; the mapping table reads the description for out-for-delivery,
 * pickup points and failed attempts. Timestamps may lack an offset (then read as UTC).
 */
class DhlAdapter extends HttpCarrierAdapter {

	static final String PRODUCTION = "https://api-eu.dhl.com";

	/** The initial service level: 1 call a second, 250 a day. */
	static final Quota QUOTA = new Quota(1, Duration.ofSeconds(1), 250);

	private final String base;

	DhlAdapter(CarrierSettings settings, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		super(settings, new CarrierGateway("dhl", settings, QUOTA, metrics, json, clock));
		this.base = settings.baseUrlOr(PRODUCTION);
	}

	@Override
	protected DhlAdapter withSettings(CarrierSettings settings) {
		return new DhlAdapter(settings, this.gateway.metrics(), this.gateway.json(), this.gateway.clock());
	}

	@Override
	public String code() {
		return "dhl";
	}

	@Override
	public boolean configured() {
		return this.settings.hasApiKey();
	}

	@Override
	protected CarrierUpdate trackOne(PollTask task) {
		String url = this.base + "/track/shipments?trackingNumber="
				+ URLEncoder.encode(task.trackingNumber(), StandardCharsets.UTF_8) + "&language=en";
		Answer a = this.gateway.send(CarrierGateway.request(url)
			.header("DHL-API-Key", String.valueOf(this.settings.apiKey()))
			.header("Accept", "application/json")
			.GET());
		this.gateway.raiseForStatus(a, "DHL track");
		return read(this.gateway.parse(a, "DHL track"));
	}

	CarrierUpdate read(JsonNode body) {
		JsonNode shipments = body.path("shipments");
		if (!shipments.isArray()) {
			throw new CarrierCallException(PollOutcome.MALFORMED, "DHL answer has no shipments");
		}
		JsonNode s = shipments.path(0);
		if (s.isMissingNode()) {
			throw new CarrierCallException(PollOutcome.NOT_FOUND, "DHL: no shipment for this number");
		}
		List<RawScan> scans = new ArrayList<>();
		for (JsonNode event : s.path("events")) {
			RawScan scan = scan(event);
			if (scan != null) {
				scans.add(scan);
			}
		}
		return CarrierUpdate.of(scans, estimate(s));
	}

	private static @Nullable RawScan scan(JsonNode event) {
		// events that carry only free text (no statusCode) are read from their
		// description
		String code = Json.textOr(event, "statusCode", "unknown");
		String ts = Json.text(event, "timestamp");
		Instant at = Json.instant(ts);
		if (at == null || (Json.text(event, "description") == null && Json.text(event, "status") == null
				&& Json.text(event, "statusCode") == null)) {
			return null;
		}
		String text = Json.textOr(event, "description", Json.textOr(event, "status", code));
		JsonNode address = event.path("location").path("address");
		String country = Json.text(address, "countryCode");
		ScanLocation location = new ScanLocation(Json.text(address, "addressLocality"),
				Json.text(address, "addressRegion"), Json.text(address, "postalCode"),
				(country != null && country.length() == 2) ? country : null);
		return new RawScan(code, text, event.toString(), at, Json.local(ts), Json.offset(ts), location, null);
	}

	private static @Nullable DeliveryWindow estimate(JsonNode s) {
		JsonNode frame = s.path("estimatedDeliveryTimeFrame");
		LocalDate from = Json.date(Json.text(frame, "estimatedFrom"));
		LocalDate through = Json.date(Json.text(frame, "estimatedThrough"));
		if (from != null && through != null) {
			return new DeliveryWindow(from, through);
		}
		LocalDate eta = Json.date(Json.text(s, "estimatedTimeOfDelivery"));
		return (eta != null) ? new DeliveryWindow(eta, eta) : null;
	}

}
