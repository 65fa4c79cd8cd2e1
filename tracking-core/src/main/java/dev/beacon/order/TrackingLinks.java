package dev.beacon.order;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.beacon.common.Hmac;

/**
 * Builds the links shoppers follow: the clean order page URL, and a signed URL that
 * proves ownership of the order until it expires. The token is {@code <expiry>.<hmac>}
 * where the HMAC-SHA256 covers store slug, order number and expiry; it can be checked by
 * any instance sharing {@code beacon.link-secret} and is not consumed on use, so link
 * scanners in mail gateways cannot burn it.
 */
@Component
@EnableConfigurationProperties(LinkSettings.class)
public class TrackingLinks {

	private static final Logger log = LoggerFactory.getLogger(TrackingLinks.class);

	private final String baseUrl;

	/** The first signs, every one verifies (rotation: put the new secret first). */
	private final List<byte[]> secrets;

	private final LinkSettings settings;

	private final Clock clock;

	TrackingLinks(LinkSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
		List<String> configured = secrets(settings.linkSecret());
		if (configured.isEmpty()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			this.secrets = List.of(random);
			log.warn("beacon.link-secret is not set: signed tracking links use a random secret and stop working "
					+ "after a restart. Set it (the same on every instance) in production.");
		}
		else {
			this.secrets = configured.stream().map((s) -> s.getBytes(StandardCharsets.UTF_8)).toList();
		}
	}

	/**
	 * The secrets of a comma-separated list (blank entries dropped), in order: the first
	 * signs, every one verifies.
	 */
	public static List<String> secrets(@Nullable String list) {
		if (list == null) {
			return List.of();
		}
		return Arrays.stream(list.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** The order's page; shows details only after the shopper proves ownership. */
	public String orderPage(String storeSlug, String orderNumber) {
		return this.baseUrl + "/t/" + storeSlug + "/orders/" + encode(orderNumber);
	}

	/**
	 * The order's page with a signed token that opens it directly (for emails and SMS).
	 */
	public String signedOrderPage(String storeSlug, String orderNumber) {
		return orderPage(storeSlug, orderNumber) + "?k=" + token(storeSlug, orderNumber);
	}

	public String token(String storeSlug, String orderNumber) {
		return token(storeSlug, orderNumber, this.clock.instant().plus(this.settings.linkTtl()).getEpochSecond());
	}

	/**
	 * The token of a subject with the given expiry: the same for the same arguments (so a
	 * value derived from another token can be recomputed to compare), and verified by
	 * {@link #verify} like any other until it expires.
	 */
	public String token(String storeSlug, String subject, long expiry) {
		return expiry + "." + mac(this.secrets.get(0), storeSlug, subject, expiry);
	}

	/**
	 * True when the token was issued for this order of this store and has not expired.
	 */
	public boolean verify(String storeSlug, String orderNumber, String token) {
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return false;
		}
		long expiry;
		try {
			expiry = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		// compared as epoch seconds: an expiry beyond Instant's range is simply invalid
		if (expiry < this.clock.instant().getEpochSecond()) {
			return false;
		}
		String given = token.substring(dot + 1);
		boolean valid = false;
		for (byte[] secret : this.secrets) {
			valid |= Hmac.matches(mac(secret, storeSlug, orderNumber, expiry), given);
		}
		return valid;
	}

	private static String mac(byte[] secret, String storeSlug, String orderNumber, long expiry) {
		return Hmac.signBase64Url(secret, storeSlug + "\n" + orderNumber + "\n" + expiry);
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
