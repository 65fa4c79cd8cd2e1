package dev.beacon.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The one place Beacon computes SHA-256 digests and HMAC-SHA256 signatures, and compares
 * them in constant time. Every signature scheme (store webhooks, tracking links,
 * unsubscribe links, carrier and platform webhooks) is built on these methods.
 */
public final class Hmac {

	private static final HexFormat HEX = HexFormat.of();

	private static final String HMAC_SHA256 = "HmacSHA256";

	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance(HMAC_SHA256);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private Hmac() {
	}

	/** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
	public static String sha256Hex(String text) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** HMAC-SHA256 of {@code data} with the UTF-8 bytes of {@code secret} as key. */
	public static byte[] sign(String secret, byte[] data) {
		return sign(secret.getBytes(StandardCharsets.UTF_8), data);
	}

	/** HMAC-SHA256 of {@code data} with raw key bytes. */
	public static byte[] sign(byte[] key, byte[] data) {
		return mac(key, data);
	}

	/** Base64url without padding of HMAC-SHA256 with raw key bytes. */
	public static String signBase64Url(byte[] key, String data) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(key, data.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] mac(byte[] key, byte[] data) {
		try {
			// one Mac per thread: the provider lookup of Mac.getInstance cost more than
			// the
			// signature itself on the page's grant check; init resets it for each key
			Mac mac = MACS.get();
			mac.init(new SecretKeySpec(key, HMAC_SHA256));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] sign(String secret, String data) {
		return sign(secret, data.getBytes(StandardCharsets.UTF_8));
	}

	public static String signHex(String secret, byte[] data) {
		return HEX.formatHex(sign(secret, data));
	}

	public static String signHex(String secret, String data) {
		return HEX.formatHex(sign(secret, data));
	}

	public static String signBase64(String secret, byte[] data) {
		return Base64.getEncoder().encodeToString(sign(secret, data));
	}

	/** Base64url without padding, as used in compact tokens. */
	public static String signBase64Url(String secret, String data) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(secret, data));
	}

	/** Constant-time comparison; {@code null} never matches. */
	public static boolean matches(byte @Nullable [] expected, byte @Nullable [] given) {
		return expected != null && given != null && MessageDigest.isEqual(expected, given);
	}

	/**
	 * Constant-time comparison of two strings' UTF-8 bytes; {@code null} never matches.
	 */
	public static boolean matches(@Nullable String expected, @Nullable String given) {
		return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether a base64 header carries HMAC-SHA256(secret, body); malformed never matches.
	 */
	public static boolean matchesBase64(String secret, byte[] body, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return false;
		}
		try {
			return matches(sign(secret, body), Base64.getDecoder().decode(header.strip()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether a hex string carries HMAC-SHA256(secret, body); malformed never matches.
	 */
	public static boolean matchesHex(String secret, byte[] body, @Nullable String hex) {
		if (hex == null || hex.isBlank()) {
			return false;
		}
		try {
			return matches(sign(secret, body), HEX.parseHex(hex.strip().toLowerCase()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
