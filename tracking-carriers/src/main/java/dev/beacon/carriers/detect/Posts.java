package dev.beacon.carriers.detect;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The national posts that issue UPU S10 numbers ({@code RB123456785DE}): the last two
 * letters name the issuing country, and the item belongs to that country's post. Posts
 * the registry names have their own code ({@code DE} is {@code deutschepost}, never
 * {@code dhl}; {@code CN} is {@code chinapost}, never {@code cainiao}); every other ISO
 * country's post is {@code post-<cc>}.
 */
public final class Posts {

	/** Posts with a code of their own in the registry, by ISO 3166-1 alpha-2 country. */
	public static final Map<String, String> NAMED = Map.ofEntries(Map.entry("US", "usps"),
			Map.entry("CA", "canadapost"), Map.entry("GB", "royalmail"), Map.entry("DE", "deutschepost"),
			Map.entry("CN", "chinapost"), Map.entry("AU", "australiapost"), Map.entry("BR", "correios"),
			Map.entry("FR", "laposte"), Map.entry("NL", "postnl"), Map.entry("BE", "bpost"),
			Map.entry("IT", "posteitaliane"), Map.entry("ES", "correos"), Map.entry("CH", "swisspost"),
			Map.entry("AT", "austriapost"), Map.entry("SE", "postnord"), Map.entry("DK", "postnord"),
			Map.entry("NZ", "nzpost"), Map.entry("JP", "japanpost"), Map.entry("IE", "anpost"),
			Map.entry("PL", "pocztapolska"), Map.entry("MX", "correosmexico"), Map.entry("IN", "indiapost"));

	/** Every ISO 3166-1 alpha-2 country: the possible S10 suffixes. */
	public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private Posts() {
	}

	/** The registry code of the post of {@code country} (upper-case ISO code). */
	public static String codeFor(String country) {
		return NAMED.getOrDefault(country, "post-" + country.toLowerCase(Locale.ROOT));
	}

	/**
	 * A name for a post without its own registry entry: "Postal service (Cabo Verde)".
	 */
	public static String genericName(String country) {
		return "Postal service (" + new Locale.Builder().setRegion(country).build().getDisplayCountry(Locale.ENGLISH)
				+ ")";
	}

}
