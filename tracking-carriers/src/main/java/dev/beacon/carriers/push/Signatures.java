package dev.beacon.carriers.push;

import org.jspecify.annotations.Nullable;

import dev.beacon.common.Hmac;

/**
 * The header formats of the senders Beacon accepts, over core's {@link Hmac} (HMAC-SHA256
 * of the raw request body, compared in constant time). Malformed headers simply fail
 * verification.
 */
final class Signatures {

	private static final String EASYPOST_PREFIX = "hmac-sha256-hex=";

	private Signatures() {
	}

	/** EasyPost: {@code X-Hmac-Signature: hmac-sha256-hex=<hex>}. */
	static boolean easyPost(String secret, byte[] body, @Nullable String header) {
		if (header == null || !header.strip().startsWith(EASYPOST_PREFIX)) {
			return false;
		}
		return Hmac.matchesHex(secret, body, header.strip().substring(EASYPOST_PREFIX.length()));
	}

	static String easyPostHeader(String secret, byte[] body) {
		return EASYPOST_PREFIX + Hmac.signHex(secret, body);
	}

}
