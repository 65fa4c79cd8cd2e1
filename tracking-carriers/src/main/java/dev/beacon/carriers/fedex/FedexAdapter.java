package dev.beacon.carriers.fedex;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.beacon.carriers.http.CarrierCallException;
import dev.beacon.carriers.http.CarrierGateway;
import dev.beacon.carriers.http.CarrierGateway.Answer;
import dev.beacon.carriers.http.CarrierGateway.Quota;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarrierSettings;
import dev.beacon.carriers.http.HttpCarrierAdapter;
import dev.beacon.carriers.http.Json;
import dev.beacon.carriers.http.OAuthTokens;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.status.DeliveryWindow;

/**
 * FedEx Track API: OAuth client credentials (form body on {@code /oauth/token}), up to 30
 * numbers per {@code POST /track/v1/trackingnumbers} with detailed scans. The raw code is
 * the scan's {@code eventType}, never the derived status code (FedEx labels
 * out-for-delivery and ready-for-pickup scans with derived code IT). A number FedEx does
 * not know comes back as an error inside a 200 answer.
 */
class FedexAdapter extends HttpCarrierAdapter {

	static final String PRODUCTION = "https://apis.fedex.com";

	/** 1,400 transactions per 10 seconds per project; 100K track requests a day. */
	static final Quota QUOTA = new Quota(1400, Duration.ofSeconds(10), 100_000);

	static final int MAX_BATCH = 30;

	private final String base;

	private final OAuthTokens tokens;

	private final JsonMapper json;

	FedexAdapter(CarrierSettings settings, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		super(settings, new CarrierGateway("fedex", settings, QUOTA, metrics, json, clock));
		this.base = settings.baseUrlOr(PRODUCTION);
		this.tokens = new OAuthTokens(this::fetchToken, clock);
		this.json = json;
	}

	@Override
	protected FedexAdapter withSettings(CarrierSettings settings) {
		return new FedexAdapter(settings, this.gateway.metrics(), this.gateway.json(), this.gateway.clock());
	}

	@Override
	public String code() {
		return "fedex";
	}

	@Override
	public boolean configured() {
		return this.settings.hasOAuthCredentials();
	}

	@Override
	public int batchSize() {
		return MAX_BATCH;
	}

	int tokenFetches() {
		return this.tokens.fetches();
	}

	private OAuthTokens.Token fetchToken() {
		String form = "grant_type=client_credentials&client_id=" + enc(this.settings.clientId()) + "&client_secret="
				+ enc(this.settings.clientSecret());
		Answer a = this.gateway.send(CarrierGateway.request(this.base + "/oauth/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		if (a.status() == 400) {
			throw new CarrierCallException(PollOutcome.AUTH_FAILED,
					"FedEx token: HTTP 400 " + CarrierGateway.abbreviate(a.body()));
		}
		this.gateway.raiseForStatus(a, "FedEx token");
		return Json.token(this.gateway.parse(a, "FedEx token"), "FedEx");
	}

	private static String enc(@Nullable String s) {
		return URLEncoder.encode(String.valueOf(s), StandardCharsets.UTF_8);
	}

	@Override
	public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
		Map<UUID, CarrierUpdate> out = new LinkedHashMap<>();
		for (int i = 0; i < tasks.size(); i += MAX_BATCH) {
			List<PollTask> batch = tasks.subList(i, Math.min(tasks.size(), i + MAX_BATCH));
			try {
				Map<String, CarrierUpdate> byNumber = this.gateway.call(() -> trackBatch(batch));
				for (PollTask t : batch) {
					out.put(t.shipmentId(), byNumber.getOrDefault(t.trackingNumber(), CarrierUpdate
						.failed(PollOutcome.MALFORMED, "FedEx answer did not mention " + t.trackingNumber())));
				}
			}
			catch (CarrierCallException ex) {
				for (PollTask t : batch) {
					out.put(t.shipmentId(), failed(ex));
				}
			}
		}
		return out;
	}

	@Override
	protected CarrierUpdate trackOne(PollTask task) {
		return trackBatch(List.of(task)).getOrDefault(task.trackingNumber(),
				CarrierUpdate.failed(PollOutcome.MALFORMED, "FedEx answer did not mention " + task.trackingNumber()));
	}

	private Map<String, CarrierUpdate> trackBatch(List<PollTask> batch) {
		ObjectNode body = this.json.createObjectNode();
		body.put("includeDetailedScans", true);
		ArrayNode info = body.putArray("trackingInfo");
		for (PollTask t : batch) {
			info.addObject().putObject("trackingNumberInfo").put("trackingNumber", t.trackingNumber());
		}
		String payload = this.json.writeValueAsString(body);
		String token = this.tokens.get();
		Answer a = post(payload, token);
		if (a.status() == 401) {
			this.tokens.invalidate(token);
			a = post(payload, this.tokens.get());
		}
		this.gateway.raiseForStatus(a, "FedEx track");
		return read(this.gateway.parse(a, "FedEx track"));
	}

	private Answer post(String payload, String token) {
		return this.gateway.send(CarrierGateway.request(this.base + "/track/v1/trackingnumbers")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("x-locale", "en_US")
			.header("x-customer-transaction-id", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(payload)));
	}

	Map<String, CarrierUpdate> read(JsonNode body) {
		JsonNode results = body.path("output").path("completeTrackResults");
		if (!results.isArray()) {
			throw new CarrierCallException(PollOutcome.MALFORMED, "FedEx answer has no output.completeTrackResults");
		}
		Map<String, CarrierUpdate> out = new HashMap<>();
		for (JsonNode complete : results) {
			String number = Json.text(complete, "trackingNumber");
			JsonNode result = complete.path("trackResults").path(0);
			if (number == null || result.isMissingNode()) {
				continue;
			}
			JsonNode error = result.path("error");
			if (!error.isMissingNode() && !error.isNull()) {
				String code = Json.textOr(error, "code", "");
				PollOutcome outcome = code.contains("NOTFOUND") ? PollOutcome.NOT_FOUND : PollOutcome.MALFORMED;
				out.put(number,
						CarrierUpdate.failed(outcome, "FedEx: " + code + " " + Json.textOr(error, "message", "")));
				continue;
			}
			List<RawScan> scans = new ArrayList<>();
			for (JsonNode event : result.path("scanEvents")) {
				RawScan scan = scan(event);
				if (scan != null) {
					scans.add(scan);
				}
			}
			out.put(number, CarrierUpdate.of(scans, estimate(result)));
		}
		return out;
	}

	private static @Nullable RawScan scan(JsonNode event) {
		String code = Json.text(event, "eventType");
		String date = Json.text(event, "date");
		Instant at = Json.instant(date);
		if (code == null || at == null) {
			return null;
		}
		String text = Json.textOr(event, "eventDescription", code);
		String exception = Json.text(event, "exceptionDescription");
		if (exception != null) {
			text = text + ": " + exception;
		}
		JsonNode loc = event.path("scanLocation");
		ScanLocation location = new ScanLocation(Json.text(loc, "city"), Json.text(loc, "stateOrProvinceCode"),
				Json.text(loc, "postalCode"), Json.text(loc, "countryCode"));
		return new RawScan(code, text, event.toString(), at, Json.local(date), Json.offset(date), location, null);
	}

	private static @Nullable DeliveryWindow estimate(JsonNode result) {
		JsonNode window = result.path("estimatedDeliveryTimeWindow").path("window");
		LocalDate begins = Json.date(Json.text(window, "begins"));
		LocalDate ends = Json.date(Json.text(window, "ends"));
		if (begins != null || ends != null) {
			return new DeliveryWindow((begins != null) ? begins : ends, (ends != null) ? ends : begins);
		}
		for (JsonNode dt : result.path("dateAndTimes")) {
			if ("ESTIMATED_DELIVERY".equals(Json.text(dt, "type"))) {
				LocalDate d = Json.date(Json.text(dt, "dateTime"));
				if (d != null) {
					return new DeliveryWindow(d, d);
				}
			}
		}
		return null;
	}

}
