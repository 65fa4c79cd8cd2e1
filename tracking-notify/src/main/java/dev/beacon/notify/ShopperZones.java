package dev.beacon.notify;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.beacon.order.Address;

/**
 * The shopper's time zone, guessed from where the parcel goes (quiet hours are about the
 * shopper's night, not the store's). Countries with one zone map directly; the US,
 * Canada, Brazil and Australia by region; anything else falls back to the store's zone.
 */
final class ShopperZones {

	private static final Map<String, String> COUNTRIES = new HashMap<>();

	private static final Map<String, String> REGIONS = new HashMap<>();

	static {
		String[][] countries = { { "DE", "Europe/Berlin" }, { "FR", "Europe/Paris" }, { "ES", "Europe/Madrid" },
				{ "PT", "Europe/Lisbon" }, { "GB", "Europe/London" }, { "IE", "Europe/Dublin" },
				{ "IT", "Europe/Rome" }, { "NL", "Europe/Amsterdam" }, { "BE", "Europe/Brussels" },
				{ "AT", "Europe/Vienna" }, { "CH", "Europe/Zurich" }, { "PL", "Europe/Warsaw" },
				{ "SE", "Europe/Stockholm" }, { "DK", "Europe/Copenhagen" }, { "NO", "Europe/Oslo" },
				{ "FI", "Europe/Helsinki" }, { "CZ", "Europe/Prague" }, { "JP", "Asia/Tokyo" },
				{ "IN", "Asia/Kolkata" }, { "SG", "Asia/Singapore" }, { "NZ", "Pacific/Auckland" },
				{ "MX", "America/Mexico_City" }, { "AR", "America/Argentina/Buenos_Aires" }, { "CO", "America/Bogota" },
				{ "CL", "America/Santiago" }, { "PE", "America/Lima" }, { "BR", "America/Sao_Paulo" },
				{ "US", "America/New_York" }, { "CA", "America/Toronto" }, { "AU", "Australia/Sydney" } };
		for (String[] c : countries) {
			COUNTRIES.put(c[0], c[1]);
		}
		region("US", "America/Chicago", "AL", "AR", "IL", "IA", "KS", "LA", "MN", "MS", "MO", "NE", "ND", "OK", "SD",
				"TN", "TX", "WI");
		region("US", "America/Denver", "CO", "MT", "NM", "UT", "WY", "ID");
		region("US", "America/Phoenix", "AZ");
		region("US", "America/Los_Angeles", "CA", "NV", "OR", "WA");
		region("US", "America/Anchorage", "AK");
		region("US", "Pacific/Honolulu", "HI");
		region("CA", "America/Vancouver", "BC");
		region("CA", "America/Edmonton", "AB");
		region("CA", "America/Winnipeg", "MB");
		region("CA", "America/Regina", "SK");
		region("CA", "America/Halifax", "NS", "NB", "PE");
		region("BR", "America/Manaus", "AM", "RR", "RO");
		region("AU", "Australia/Perth", "WA");
		region("AU", "Australia/Brisbane", "QLD");
		region("AU", "Australia/Adelaide", "SA");
	}

	private ShopperZones() {
	}

	private static void region(String country, String zone, String... regions) {
		for (String r : regions) {
			REGIONS.put(country + "-" + r, zone);
		}
	}

	static ZoneId of(Address destination, ZoneId storeZone) {
		String country = destination.country();
		if (country == null || country.isBlank()) {
			return storeZone;
		}
		String region = (destination.region() != null) ? destination.region().toUpperCase(Locale.ROOT) : "";
		String zone = REGIONS.getOrDefault(country + "-" + region, COUNTRIES.get(country));
		return (zone != null) ? ZoneId.of(zone) : storeZone;
	}

}
