package dev.beacon.web.page;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.beacon.shipment.CarrierDirectory;

/**
 * Carrier names and public tracking links for shoppers, from the carriers module's
 * {@link CarrierDirectory} when it is present; without it, well-known names and no link.
 * Only https links are shown.
 */
@Component
class CarrierNames {

	private static final Map<String, String> KNOWN = Map.of("ups", "UPS", "fedex", "FedEx", "usps", "USPS", "dhl",
			"DHL", "sandbox", "Sandbox Express");

	private final ObjectProvider<CarrierDirectory> directory;

	CarrierNames(ObjectProvider<CarrierDirectory> directory) {
		this.directory = directory;
	}

	String name(String carrier) {
		CarrierDirectory dir = this.directory.getIfAvailable();
		if (dir != null) {
			try {
				String name = dir.displayName(carrier);
				if (name != null && !name.isBlank()) {
					return name;
				}
			}
			catch (RuntimeException ex) {
				// fall through to the built-in names
			}
		}
		return KNOWN.getOrDefault(carrier, carrier.toUpperCase(Locale.ROOT));
	}

	@Nullable String link(String carrier, String trackingNumber) {
		CarrierDirectory dir = this.directory.getIfAvailable();
		if (dir == null) {
			return null;
		}
		try {
			String url = dir.publicTrackingUrl(carrier, trackingNumber);
			if (url == null) {
				return null;
			}
			URI uri = URI.create(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) ? url : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
