package dev.beacon.promise;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A delivery lane: origin region and country, destination region and country, carrier and
 * service. Unknown parts are empty strings. Regions and countries are upper case, carrier
 * and service lower case.
 */
public record Lane(String originRegion, String originCountry, String destinationRegion, String destinationCountry,
		String carrier, String service) {

	public static Lane of(@Nullable String originRegion, @Nullable String originCountry,
			@Nullable String destinationRegion, @Nullable String destinationCountry, @Nullable String carrier,
			@Nullable String service) {
		return new Lane(upper(originRegion), upper(originCountry), upper(destinationRegion), upper(destinationCountry),
				lower(carrier), lower(service));
	}

	/**
	 * The country whose calendar counts a parcel's days on this lane (the destination's,
	 * else the origin's).
	 */
	String calendarCountry() {
		return !this.destinationCountry.isEmpty() ? this.destinationCountry : this.originCountry;
	}

	/** Readable form, e.g. "SP/BR → RJ/BR · ups ground". */
	public String label() {
		return place(this.originRegion, this.originCountry) + " → "
				+ place(this.destinationRegion, this.destinationCountry) + " · "
				+ (this.carrier.isEmpty() ? "any carrier" : this.carrier)
				+ (this.service.isEmpty() ? "" : " " + this.service);
	}

	private static String place(String region, String country) {
		if (region.isEmpty() && country.isEmpty()) {
			return "?";
		}
		if (region.isEmpty()) {
			return country;
		}
		return country.isEmpty() ? region : region + "/" + country;
	}

	private static String upper(@Nullable String s) {
		return (s == null) ? "" : s.strip().toUpperCase(Locale.ROOT);
	}

	private static String lower(@Nullable String s) {
		return (s == null) ? "" : s.strip().toLowerCase(Locale.ROOT);
	}

}
