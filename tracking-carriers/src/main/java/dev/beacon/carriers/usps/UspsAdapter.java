package dev.beacon.carriers.usps;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
 * USPS Tracking v3: OAuth client credentials (JSON body on {@code /oauth2/v3/token},
 * scope {@code tracking}), one number per {@code GET
 * /tracking/v3/tracking/{trackingNumber}?expand=DETAIL}. The raw code is
 * {@code eventCode}; {@code eventTimestamp} is local time without an offset, so the
 * instant comes from {@code GMTTimestamp} and the zone from {@code GMTOffset}. "Not
 * found" arrives as 400 with codes 150001-150004, 150009, 150010.
 */
class UspsAdapter extends HttpCarrierAdapter {

	static final String PRODUCTION = "https://apis.usps.com";

	/** The default quota of a new v3 app: 60 requests an hour. */
	static final Quota QUOTA = new Quota(60, Duration.ofHours(1), 0);

	private static final Set<String> NOT_FOUND = Set.of("150001", "150002", "150003", "150004", "150009", "150010");

	private final String base;

	private final OAuthTokens tokens;

	private final JsonMapper json;

	UspsAdapter(CarrierSettings settings, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		super(settings, new CarrierGateway("usps", settings, QUOTA, metrics, json, clock));
		this.base = settings.baseUrlOr(PRODUCTION);
		this.tokens = new OAuthTokens(this::fetchToken, clock);
		this.json = json;
	}

	@Override
	protected UspsAdapter withSettings(CarrierSettings settings) {
		return new UspsAdapter(settings, this.gateway.metrics(), this.gateway.json(), this.gateway.clock());
	}

	@Override
	public String code() {
		return "usps";
	}

	@Override
	public boolean configured() {
		return this.settings.hasOAuthCredentials();
	}

	int tokenFetches() {
		return this.tokens.fetches();
	}

	private OAuthTokens.Token fetchToken() {
		ObjectNode body = this.json.createObjectNode();
		body.put("client_id", this.settings.clientId());
		body.put("client_secret", this.settings.clientSecret());
		body.put("grant_type", "client_credentials");
		body.put("scope", "tracking");
		Answer a = this.gateway.send(CarrierGateway.request(this.base + "/oauth2/v3/token")
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))));
		if (a.status() == 400) {
			throw new CarrierCallException(PollOutcome.AUTH_FAILED,
					"USPS token: HTTP 400 " + CarrierGateway.abbreviate(a.body()));
		}
		this.gateway.raiseForStatus(a, "USPS token");
		return Json.token(this.gateway.parse(a, "USPS token"), "USPS");
	}

	@Override
	protected CarrierUpdate trackOne(PollTask task) {
		String token = this.tokens.get();
		Answer a = get(task.trackingNumber(), token);
		if (a.status() == 401) {
			this.tokens.invalidate(token);
			a = get(task.trackingNumber(), this.tokens.get());
		}
		if (a.status() == 400 || a.status() == 404) {
			throw notFoundOrRejected(a);
		}
		this.gateway.raiseForStatus(a, "USPS track");
		return read(this.gateway.parse(a, "USPS track"));
	}

	private CarrierCallException notFoundOrRejected(Answer a) {
		String codes = "";
		try {
			JsonNode errors = this.json.readTree(a.body()).path("error").path("errors");
			for (JsonNode e : errors) {
				String code = Json.textOr(e, "code", "");
				if (NOT_FOUND.contains(code) || a.status() == 404) {
					return new CarrierCallException(PollOutcome.NOT_FOUND,
							"USPS " + code + ": " + Json.textOr(e, "title", Json.textOr(e, "detail", "not found")));
				}
				codes = codes + code + " ";
			}
		}
		catch (RuntimeException ex) {
			// fall through: an unreadable 400
		}
		return new CarrierCallException(PollOutcome.NOT_FOUND,
				"USPS rejected the request (HTTP " + a.status() + " " + codes.strip() + ")");
	}

	private Answer get(String number, String token) {
		String url = this.base + "/tracking/v3/tracking/" + URLEncoder.encode(number, StandardCharsets.UTF_8)
				+ "?expand=DETAIL";
		return this.gateway.send(CarrierGateway.request(url)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET());
	}

	CarrierUpdate read(JsonNode body) {
		if (!body.isObject() || (!body.has("trackingEvents") && !body.has("trackingNumber"))) {
			throw new CarrierCallException(PollOutcome.MALFORMED, "USPS answer is not a tracking result");
		}
		List<RawScan> scans = new ArrayList<>();
		for (JsonNode event : body.path("trackingEvents")) {
			RawScan scan = scan(event);
			if (scan != null) {
				scans.add(scan);
			}
		}
		return CarrierUpdate.of(scans, estimate(body));
	}

	private static @Nullable RawScan scan(JsonNode event) {
		String code = Json.text(event, "eventCode");
		if (code == null) {
			return null;
		}
		String localText = Json.text(event, "eventTimestamp");
		LocalDateTime local = Json.local(localText);
		String offset = offset(Json.text(event, "GMTOffset"));
		Instant at = Json.instant(Json.text(event, "GMTTimestamp"));
		if (at == null && local != null) {
			at = local.toInstant((offset != null) ? ZoneOffset.of(offset) : ZoneOffset.UTC);
		}
		if (at == null) {
			return null;
		}
		String state = Json.text(event, "eventState");
		String country = Json.text(event, "eventCountry");
		if (country == null && state != null) {
			country = "US";
		}
		ScanLocation location = new ScanLocation(Json.text(event, "eventCity"), state, Json.text(event, "eventZIP"),
				(country != null && country.length() == 2) ? country : null);
		return new RawScan(code, Json.textOr(event, "eventType", code), event.toString(), at, local, offset, location,
				null);
	}

	/** "-05:00" as is; "-420" (minutes, as in the spec's example) as an offset. */
	static @Nullable String offset(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		try {
			if (raw.matches("[+-]\\d{2}:\\d{2}")) {
				return ZoneOffset.of(raw).getId();
			}
			if (raw.matches("[+-]?\\d{1,4}")) {
				return ZoneOffset.ofTotalSeconds(Integer.parseInt(raw) * 60).getId();
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return null;
	}

	private static @Nullable DeliveryWindow estimate(JsonNode body) {
		LocalDate d = Json.date(Json.text(body, "expectedDeliveryTimeStamp"));
		if (d == null) {
			d = Json.date(Json.text(body, "predictedDeliveryDate"));
		}
		return (d != null) ? new DeliveryWindow(d, d) : null;
	}

}
