package dev.beacon.shipment;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Small readings of what stores and carriers give: links shown to shoppers, waits. */
final class ShipmentInputs {

	private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d{1,9})s");

	private ShipmentInputs() {
	}

	/** A store-given link, shown to shoppers: only absolute https links are accepted. */
	static @Nullable String httpsLink(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(url.strip());
			if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && url.length() <= 500) {
				return uri.toString();
			}
		}
		catch (IllegalArgumentException ex) {
			// not a link
		}
		throw new ShipmentException(ShipmentException.Kind.INVALID, "trackingUrl",
				"trackingUrl must be an absolute https link of at most 500 characters");
	}

	/**
	 * The wait a rate-limited conversation reported ("... (retry after 60s)"), else 60 s.
	 */
	static Duration retryAfter(@Nullable String detail) {
		Matcher m = (detail != null) ? RETRY_AFTER.matcher(detail) : null;
		return (m != null && m.find()) ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ofSeconds(60);
	}

}
