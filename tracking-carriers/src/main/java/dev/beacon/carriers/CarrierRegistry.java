package dev.beacon.carriers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.beacon.carriers.detect.Posts;
import dev.beacon.shipment.CarrierInfo;

/**
 * THE carrier list: every carrier Beacon knows, with its code, the name shoppers know,
 * its public tracking page ({@code {number}} is replaced by the tracking number) and how
 * it is tracked ({@code live}: a direct adapter; {@code aggregator}: through 17TRACK or
 * EasyPost; {@code manual}: only what the store reports). Detection patterns per code
 * live in {@code detect} ({@code TrackingNumberDetector}, {@code Formats}, {@code Posts}
 * for S10 issuers); {@code CarrierRegistryTests} checks that every detected code is
 * listed here. Nothing else in Beacon holds a carrier list: core, web, notify and the
 * console read this one through core's {@code CarrierDirectory}.
 */
public final class CarrierRegistry {

	static final String LIVE = "live";

	static final String AGGREGATOR = "aggregator";

	static final String MANUAL = "manual";

	private static final String SEVENTEEN_TRACK = "https://t.17track.net/en#nums={number}";

	private static final Map<String, CarrierInfo> CARRIERS = new LinkedHashMap<>();

	static {
		add("ups", "UPS", "https://www.ups.com/track?loc=en_US&tracknum={number}", LIVE);
		add("fedex", "FedEx", "https://www.fedex.com/fedextrack/?trknbr={number}", LIVE);
		add("usps", "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}", LIVE);
		add("dhl", "DHL Express",
				"https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={number}", LIVE);
		add("sandbox", "Beacon Sandbox", null, LIVE);
		// North America
		add("canadapost", "Canada Post", "https://www.canadapost-postescanada.ca/track-reperage/en#/details/{number}",
				LIVE);
		add("purolator", "Purolator", "https://www.purolator.com/en/shipping/tracker?pin={number}", AGGREGATOR);
		add("canpar", "Canpar Express", "https://www.canpar.com/en/tracking/track.htm?barcode={number}", AGGREGATOR);
		add("ontrac", "OnTrac", "https://www.ontrac.com/tracking/?number={number}", AGGREGATOR);
		add("lasership", "LaserShip", "https://www.ontrac.com/tracking/?number={number}", AGGREGATOR);
		add("amazon", "Amazon Logistics", "https://track.amazon.com/tracking/{number}", AGGREGATOR);
		add("speedee", "Spee-Dee Delivery", "https://speedeedelivery.com/track-a-shipment/?barcodes={number}",
				AGGREGATOR);
		add("gofo", "GOFO Express", SEVENTEEN_TRACK, AGGREGATOR);
		add("olddominion", "Old Dominion Freight Line",
				"https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers={number}", MANUAL);
		add("correosmexico", "Correos de México", SEVENTEEN_TRACK, AGGREGATOR);
		// United Kingdom and Ireland
		add("royalmail", "Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/{number}",
				AGGREGATOR);
		add("parcelforce", "Parcelforce Worldwide", "https://www.parcelforce.com/track-trace?trackNumber={number}",
				AGGREGATOR);
		add("evri", "Evri", "https://www.evri.com/track/parcel/{number}", AGGREGATOR);
		add("yodel", "Yodel", "https://www.yodel.co.uk/track/{number}", AGGREGATOR);
		add("anpost", "An Post", "https://www.anpost.com/Post-Parcels/Track/History?item={number}", AGGREGATOR);
		// Europe
		add("dpd", "DPD", "https://tracking.dpd.de/status/en_US/parcel/{number}", AGGREGATOR);
		add("gls", "GLS", "https://gls-group.com/track/{number}", AGGREGATOR);
		add("postnl", "PostNL", "https://jouw.postnl.nl/track-and-trace/{number}", AGGREGATOR);
		add("laposte", "La Poste / Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code={number}",
				AGGREGATOR);
		add("deutschepost", "Deutsche Post / DHL Paket",
				"https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={number}", AGGREGATOR);
		add("hermes", "Hermes (Germany)",
				"https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#{number}", AGGREGATOR);
		add("bpost", "bpost", "https://track.bpost.cloud/btr/web/#/search?itemCode={number}&lang=en", AGGREGATOR);
		add("posteitaliane", "Poste Italiane", "https://www.poste.it/cerca/index.html#/risultati-spedizioni/{number}",
				AGGREGATOR);
		add("correos", "Correos (Spain)",
				"https://www.correos.es/es/en/tools/tracker/items/details?tracking-number={number}", AGGREGATOR);
		add("swisspost", "Swiss Post",
				"https://service.post.ch/ekp-web/ui/entry/shipping/1/search?searchQuery={number}", AGGREGATOR);
		add("austriapost", "Österreichische Post", "https://www.post.at/s/sendungsdetails?snr={number}", AGGREGATOR);
		add("postnord", "PostNord", "https://tracking.postnord.com/en/?id={number}", AGGREGATOR);
		add("pocztapolska", "Poczta Polska", "https://emonitoring.poczta-polska.pl/?numer={number}", AGGREGATOR);
		add("landmark", "Landmark Global", "https://track.landmarkglobal.com/?trck={number}", AGGREGATOR);
		// Oceania, Latin America, Asia and cross-border
		add("australiapost", "Australia Post", "https://auspost.com.au/mypost/track/details/{number}", AGGREGATOR);
		add("nzpost", "NZ Post", "https://www.nzpost.co.nz/tools/tracking?trackid={number}", AGGREGATOR);
		add("correios", "Correios", "https://rastreamento.correios.com.br/app/index.php?objeto={number}", AGGREGATOR);
		add("chinapost", "China Post / EMS", SEVENTEEN_TRACK, AGGREGATOR);
		add("japanpost", "Japan Post",
				"https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={number}&locale=en",
				AGGREGATOR);
		add("indiapost", "India Post", SEVENTEEN_TRACK, AGGREGATOR);
		add("yunexpress", "YunExpress", "https://www.yuntrack.com/parcelTracking?id={number}", AGGREGATOR);
		add("4px", "4PX", "https://track.4px.com/#/result/0/{number}", AGGREGATOR);
		add("cainiao", "Cainiao", "https://global.cainiao.com/newDetail.htm?mailNoList={number}", AGGREGATOR);
		add("yanwen", "Yanwen", "https://track.yw56.com.cn/en/querydel?nums={number}", AGGREGATOR);
		// every other national post, as issuer of S10 items
		for (String country : Posts.COUNTRIES.stream().sorted().toList()) {
			String code = Posts.codeFor(country);
			if (!CARRIERS.containsKey(code)) {
				add(code, Posts.genericName(country), SEVENTEEN_TRACK, AGGREGATOR);
			}
		}
	}

	/**
	 * Name prefixes platforms use (normalized: lower-case letters and digits), in order.
	 */
	private static final Map<String, String> ALIASES = new LinkedHashMap<>();

	static {
		ALIASES.put("dhlpaket", "deutschepost");
		ALIASES.put("dhlgermany", "deutschepost");
		ALIASES.put("deutschepost", "deutschepost");
		ALIASES.put("dhlexpress", "dhl");
		ALIASES.put("dhl", "dhl");
		ALIASES.put("ups", "ups");
		ALIASES.put("fedex", "fedex");
		ALIASES.put("usps", "usps");
		ALIASES.put("unitedstatespostalservice", "usps");
		ALIASES.put("canadapost", "canadapost");
		ALIASES.put("postescanada", "canadapost");
		ALIASES.put("colissimo", "laposte");
		ALIASES.put("laposte", "laposte");
		ALIASES.put("myhermes", "evri");
		ALIASES.put("hermesuk", "evri");
		ALIASES.put("amazon", "amazon");
		ALIASES.put("auspost", "australiapost");
		ALIASES.put("ems", "chinapost");
		ALIASES.put("chinaems", "chinapost");
		ALIASES.put("4px", "4px");
		ALIASES.put("dpd", "dpd");
		ALIASES.put("gls", "gls");
	}

	private static final List<CarrierInfo> ALL = Collections.unmodifiableList(new ArrayList<>(CARRIERS.values()));

	private CarrierRegistry() {
	}

	private static void add(String code, String name, @Nullable String template, String tracking) {
		if (CARRIERS.put(code, new CarrierInfo(code, name, template, tracking)) != null) {
			throw new IllegalStateException("carrier " + code + " is listed twice");
		}
	}

	/** Every carrier, named ones first, then the other national posts by country. */
	public static List<CarrierInfo> all() {
		return ALL;
	}

	public static Optional<CarrierInfo> find(String code) {
		return Optional.ofNullable(CARRIERS.get(code.toLowerCase(Locale.ROOT)));
	}

	/**
	 * The code of a carrier as a platform names it ("Canada Post", "DHL Express", "United
	 * States Postal Service", "Colissimo"), or empty when the registry does not know it.
	 */
	public static Optional<String> codeForName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (CARRIERS.containsKey(n)) {
			return Optional.of(n);
		}
		for (var alias : ALIASES.entrySet()) {
			if (n.startsWith(alias.getKey())) {
				return Optional.of(alias.getValue());
			}
		}
		return CARRIERS.values()
			.stream()
			.filter((c) -> c.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").equals(n))
			.map(CarrierInfo::code)
			.findFirst();
	}

	/** The carrier's public page for this number, when it has one. */
	public static @Nullable String trackingUrl(String code, String number) {
		CarrierInfo c = CARRIERS.get(code.toLowerCase(Locale.ROOT));
		if (c == null || c.trackingUrlTemplate() == null) {
			return null;
		}
		return c.trackingUrlTemplate().replace("{number}", URLEncoder.encode(number, StandardCharsets.UTF_8));
	}

}
