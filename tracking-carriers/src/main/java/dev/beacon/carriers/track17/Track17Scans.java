package dev.beacon.carriers.track17;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.beacon.carriers.http.Json;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;

/**
 * Reads a 17TRACK {@code track_info} (a {@code gettrackinfo} item or a push's
 * {@code data}) into raw scans: every event of every provider (origin carrier and last
 * mile). The raw code is the event's {@code sub_status}, or its {@code stage} when
 * 17TRACK gave none for that event; the newest event takes the shipment's
 * {@code latest_status.sub_status} when it has none of its own. Nothing is interpreted
 * here: the {@code 17track} mapping table does that.
 */
final class Track17Scans {

	/**
	 * 17TRACK's numeric carrier keys for registry codes, as reported by public client
	 * code (the full list is 17TRACK's {@code apicarrier.all.json}); other carriers are
	 * registered with auto-detection.
	 */
	static final Map<String, Integer> KEYS = Map.of("usps", 21051, "dhl", 100001, "ups", 100002, "fedex", 100003,
			"chinapost", 3011, "deutschepost", 7041, "correios", 2151, "royalmail", 11031, "australiapost", 1151,
			"yanwen", 190012);

	private Track17Scans() {
	}

	static String latestStatus(JsonNode item) {
		JsonNode latest = item.path("track_info").path("latest_status");
		String sub = Json.text(latest, "sub_status");
		return (sub != null) ? sub : Json.textOr(latest, "status", "NotFound");
	}

	static List<RawScan> read(JsonNode item) {
		JsonNode info = item.path("track_info");
		String latestSub = Json.text(info.path("latest_status"), "sub_status");
		String latestTime = Json.text(info.path("latest_event"), "time_utc");
		List<RawScan> out = new ArrayList<>();
		for (JsonNode provider : info.path("tracking").path("providers")) {
			String providerKey = provider.path("provider").path("key").asString("");
			for (JsonNode e : provider.path("events")) {
				Instant at = time(e);
				if (at == null) {
					continue;
				}
				String code = Json.text(e, "sub_status");
				if (code == null && latestSub != null && latestTime != null
						&& latestTime.equals(Json.text(e, "time_utc"))) {
					code = latestSub;
				}
				if (code == null) {
					code = Json.textOr(e, "stage", "Event");
				}
				String text = Json.textOr(e, "description", code);
				out.add(new RawScan(code, clip(text, 1000), e.toString(), at, Json.local(Json.text(e, "time_iso")),
						Json.offset(Json.text(e, "time_iso")), location(e), "17t:" + providerKey + ":"
								+ at.getEpochSecond() + ":" + Integer.toHexString(text.hashCode()) + ":" + code));
			}
		}
		return out;
	}

	private static @Nullable Instant time(JsonNode e) {
		Instant utc = Json.instant(Json.text(e, "time_utc"));
		return (utc != null) ? utc : Json.instant(Json.text(e, "time_iso"));
	}

	private static ScanLocation location(JsonNode e) {
		JsonNode a = e.path("address");
		String city = Json.text(a, "city");
		String country = Json.text(a, "country");
		if (city == null && country == null) {
			String loc = Json.text(e, "location");
			return (loc != null) ? new ScanLocation(clip(loc, 120), null, null, null) : ScanLocation.unknown();
		}
		String cc = (country != null && country.length() == 2) ? country.toUpperCase(Locale.ROOT) : null;
		return new ScanLocation((city != null) ? clip(city, 120) : null, clip(Json.text(a, "state"), 120),
				clip(Json.text(a, "postal_code"), 20), cc);
	}

	private static @Nullable String clip(@Nullable String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

}
