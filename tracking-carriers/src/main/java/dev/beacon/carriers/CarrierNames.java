package dev.beacon.carriers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Names and public tracking pages of the carriers Beacon knows. */
final class CarrierNames {

	static final Map<String, String> DISPLAY = new LinkedHashMap<>();

	static {
		DISPLAY.put("ups", "UPS");
		DISPLAY.put("fedex", "FedEx");
		DISPLAY.put("usps", "USPS");
		DISPLAY.put("dhl", "DHL");
		DISPLAY.put("sandbox", "Beacon Sandbox");
	}

	private CarrierNames() {
	}

	static @Nullable String trackingUrl(String carrier, String number) {
		String n = URLEncoder.encode(number, StandardCharsets.UTF_8);
		return switch (carrier) {
			case "ups" -> "https://www.ups.com/track?loc=en_US&tracknum=" + n;
			case "fedex" -> "https://www.fedex.com/fedextrack/?trknbr=" + n;
			case "usps" -> "https://tools.usps.com/go/TrackConfirmAction?tLabels=" + n;
			case "dhl" -> "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=" + n;
			default -> null;
		};
	}

}
