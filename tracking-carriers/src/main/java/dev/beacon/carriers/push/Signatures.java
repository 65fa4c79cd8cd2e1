package dev.beacon.carriers.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 over the raw request body, compared in constant time. Malformed headers
 * simply fail verification.
 */
final class Signatures {

	private Signatures() {
	}

	static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Shopify: {@code X-Shopify-Hmac-Sha256} = base64(HMAC-SHA256(secret, body)). */
	static boolean shopify(String secret, byte[] body, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return false;
		}
		try {
			return MessageDigest.isEqual(hmac(secret, body), Base64.getDecoder().decode(header.strip()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** EasyPost: {@code X-Hmac-Signature: hmac-sha256-hex=<hex>}. */
	static boolean easyPost(String secret, byte[] body, @Nullable String header) {
		if (header == null || !header.strip().startsWith("hmac-sha256-hex=")) {
			return false;
		}
		try {
			byte[] given = HexFormat.of().parseHex(header.strip().substring("hmac-sha256-hex=".length()).toLowerCase());
			return MessageDigest.isEqual(hmac(secret, body), given);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static String shopifyHeader(String secret, byte[] body) {
		return Base64.getEncoder().encodeToString(hmac(secret, body));
	}

	static String easyPostHeader(String secret, byte[] body) {
		return "hmac-sha256-hex=" + HexFormat.of().formatHex(hmac(secret, body));
	}

}
