package dev.beacon.carriers.ups;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

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
import dev.beacon.carriers.http.OAuthTokens;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.status.DeliveryWindow;

/**
 * UPS Track API: OAuth client credentials (HTTP Basic on
 * {@code /security/v1/oauth/token}), one number per {@code GET
 * /api/track/v1/details/{inquiryNumber}}. Scans are {@code activity[]} (newest first);
 * the raw code is the 3-digit {@code status.statusCode} (else type and scan code); local
 * date/time have no offset, the GMT fields give the instant.
 */
class UpsAdapter extends HttpCarrierAdapter {

	static final String PRODUCTION = "https://onlinetools.ups.com";

	/** UPS publishes no tracking quota; stay polite. */
	static final Quota QUOTA = new Quota(10, Duration.ofSeconds(1), 0);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private final String base;

	private final OAuthTokens tokens;

	UpsAdapter(CarrierSettings settings, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		super(settings, new CarrierGateway("ups", settings, QUOTA, metrics, json, clock));
		this.base = settings.baseUrlOr(PRODUCTION);
		this.tokens = new OAuthTokens(this::fetchToken, clock);
	}

	@Override
	protected UpsAdapter withSettings(CarrierSettings settings) {
		return new UpsAdapter(settings, this.gateway.metrics(), this.gateway.json(), this.gateway.clock());
	}

	@Override
	public String code() {
		return "ups";
	}

	@Override
	public boolean configured() {
		return this.settings.hasOAuthCredentials();
	}

	int tokenFetches() {
		return this.tokens.fetches();
	}

	private OAuthTokens.Token fetchToken() {
		String basic = Base64.getEncoder()
			.encodeToString(
					(this.settings.clientId() + ":" + this.settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
		Answer a = this.gateway.send(CarrierGateway.request(this.base + "/security/v1/oauth/token")
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		if (a.status() == 400) {
			throw new CarrierCallException(PollOutcome.AUTH_FAILED, "UPS token: HTTP 400 " + abbreviated(a));
		}
		this.gateway.raiseForStatus(a, "UPS token");
		return Json.token(this.gateway.parse(a, "UPS token"), "UPS");
	}

	@Override
	protected CarrierUpdate trackOne(PollTask task) {
		String token = this.tokens.get();
		Answer a = details(task.trackingNumber(), token);
		if (a.status() == 401) {
			this.tokens.invalidate(token);
			a = details(task.trackingNumber(), this.tokens.get());
		}
		this.gateway.raiseForStatus(a, "UPS track");
		return read(this.gateway.parse(a, "UPS track"), task.trackingNumber());
	}

	private Answer details(String number, String token) {
		String url = this.base + "/api/track/v1/details/" + URLEncoder.encode(number, StandardCharsets.UTF_8)
				+ "?locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false";
		return this.gateway.send(CarrierGateway.request(url)
			.header("Authorization", "Bearer " + token)
			.header("transId", UUID.randomUUID().toString().replace("-", ""))
			.header("transactionSrc", "beacon")
			.header("Accept", "application/json")
			.GET());
	}

	CarrierUpdate read(JsonNode body, String number) {
		JsonNode shipment = body.path("trackResponse").path("shipment").path(0);
		if (shipment.isMissingNode()) {
			throw new CarrierCallException(PollOutcome.MALFORMED, "UPS answer has no trackResponse.shipment");
		}
		JsonNode pkg = shipment.path("package").path(0);
		if (pkg.isMissingNode()) {
			JsonNode warning = shipment.path("warnings").path(0);
			throw new CarrierCallException(PollOutcome.NOT_FOUND, "UPS: " + Json.textOr(warning, "code", "") + " "
					+ Json.textOr(warning, "message", "no package for " + number));
		}
		List<RawScan> scans = new ArrayList<>();
		for (JsonNode activity : pkg.path("activity")) {
			RawScan scan = scan(activity);
			if (scan != null) {
				scans.add(scan);
			}
		}
		return CarrierUpdate.of(scans, estimate(pkg));
	}

	private @Nullable RawScan scan(JsonNode activity) {
		JsonNode status = activity.path("status");
		String statusCode = Json.text(status, "statusCode");
		String type = Json.text(status, "type");
		String scanCode = Json.text(status, "code");
		String code = (statusCode != null) ? statusCode
				: ((type != null) ? type : "") + ((scanCode != null) ? "-" + scanCode : "");
		if (code.isBlank()) {
			return null;
		}
		String text = Json.textOr(status, "description", Json.textOr(status, "simplifiedTextDescription", code));
		LocalDateTime local = dateTime(Json.text(activity, "date"), Json.text(activity, "time"));
		String offset = Json.text(activity, "gmtOffset");
		Instant at = null;
		LocalDateTime gmt = dateTime(Json.text(activity, "gmtDate"), Json.text(activity, "gmtTime"));
		if (gmt != null) {
			at = gmt.toInstant(ZoneOffset.UTC);
		}
		else if (local != null && offset != null) {
			at = local.toInstant(ZoneOffset.of(offset));
		}
		else if (local != null) {
			at = local.toInstant(ZoneOffset.UTC);
		}
		if (at == null) {
			return null;
		}
		JsonNode address = activity.path("location").path("address");
		ScanLocation location = new ScanLocation(Json.text(address, "city"), Json.text(address, "stateProvince"),
				Json.text(address, "postalCode"),
				country(Json.textOr(address, "countryCode", Json.textOr(address, "country", ""))));
		return new RawScan(code, text, activity.toString(), at, local, offset, location, null);
	}

	private static @Nullable String country(String code) {
		return (code.length() == 2) ? code : null;
	}

	private static @Nullable LocalDateTime dateTime(@Nullable String date, @Nullable String time) {
		if (date == null || date.length() != 8) {
			return null;
		}
		String t = (time != null) ? "0".repeat(Math.max(0, 6 - time.length())) + time : "000000";
		try {
			return LocalDateTime.parse(date + t, DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable DeliveryWindow estimate(JsonNode pkg) {
		LocalDate best = null;
		for (JsonNode d : pkg.path("deliveryDate")) {
			String type = Json.text(d, "type");
			if ("SDD".equals(type) || "RDD".equals(type)) {
				LocalDateTime dt = dateTime(Json.text(d, "date"), "000000");
				if (dt != null && (best == null || "RDD".equals(type))) {
					best = dt.toLocalDate();
				}
			}
		}
		return (best != null) ? new DeliveryWindow(best, best) : null;
	}

	private static String abbreviated(Answer a) {
		return CarrierGateway.abbreviate(a.body());
	}

}
