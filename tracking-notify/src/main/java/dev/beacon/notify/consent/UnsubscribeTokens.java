package dev.beacon.notify.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.beacon.common.Hmac;
import dev.beacon.order.TrackingLinks;

import dev.beacon.notify.NotifyProperties;

/**
 * One-click unsubscribe links ({@code /notifications/unsubscribe/<token>}). The token is
 * opaque: store and address are encrypted and authenticated (AES-256-GCM with a key
 * derived from the secret), so it needs no login, cannot be forged for someone else's
 * address and shows no personal data in proxy or access logs. It never expires (RFC 8058
 * links must keep working), and tokens of the earlier signed format ({@code
 * base64(store, address).hmac}) are still honoured.
 */
@Component
public class UnsubscribeTokens {

	private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);

	private static final int NONCE = 12;

	/** The secrets, first one signing; all verify (rotation, like beacon.link-secret). */
	private final List<byte[]> secrets;

	/** One AES key per secret, the first one sealing new tokens. */
	private final List<SecretKeySpec> keys;

	private final SecureRandom random = new SecureRandom();

	private final TrackingLinks links;

	UnsubscribeTokens(NotifyProperties properties, Environment env, TrackingLinks links) {
		this.links = links;
		String configured = properties.unsubscribeSecret();
		if (configured == null || configured.isBlank()) {
			configured = env.getProperty("beacon.link-secret");
		}
		this.secrets = secrets(configured);
		this.keys = this.secrets.stream().map(UnsubscribeTokens::key).toList();
	}

	/**
	 * A comma-separated list is accepted for rotation: new links are sealed with the
	 * first secret, links sealed with any of them keep working.
	 */
	static List<byte[]> secrets(@Nullable String configured) {
		List<byte[]> secrets = new ArrayList<>();
		if (configured != null) {
			for (String part : configured.split(",")) {
				if (!part.isBlank()) {
					secrets.add(("unsubscribe:" + part.strip()).getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		if (secrets.isEmpty()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			secrets.add(random);
			log.warn("Neither beacon.notify.unsubscribe-secret nor beacon.link-secret is set: unsubscribe links stop "
					+ "working after a restart.");
		}
		return List.copyOf(secrets);
	}

	private static SecretKeySpec key(byte[] secret) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update("unsubscribe-key\n".getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(sha.digest(secret), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url(UUID storeId, String email) {
		return this.links.baseUrl() + "/notifications/unsubscribe/" + token(storeId, email);
	}

	public String token(UUID storeId, String email) {
		byte[] nonce = new byte[NONCE];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(0), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal((storeId + "\n" + email).getBytes(StandardCharsets.UTF_8));
			byte[] token = new byte[NONCE + sealed.length];
			System.arraycopy(nonce, 0, token, 0, NONCE);
			System.arraycopy(sealed, 0, token, NONCE, sealed.length);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The earlier, readable format; verified for links sent before. */
	public String legacyToken(UUID storeId, String email) {
		String payload = storeId + "\n" + email;
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return encoded + "." + Hmac.signBase64Url(this.secrets.get(0), payload);
	}

	public record Subject(UUID storeId, String email) {
	}

	public Optional<Subject> verify(String token) {
		if (token.length() > 1000) {
			return Optional.empty();
		}
		int dot = token.lastIndexOf('.');
		if (dot < 0) {
			return open(token);
		}
		if (dot == 0) {
			return Optional.empty();
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			String given = token.substring(dot + 1);
			if (this.secrets.stream().noneMatch((secret) -> Hmac.matches(Hmac.signBase64Url(secret, payload), given))) {
				return Optional.empty();
			}
			String[] parts = payload.split("\n", 2);
			return Optional.of(new Subject(UUID.fromString(parts[0]), parts[1]));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

	private Optional<Subject> open(String token) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length <= NONCE + 16) {
			return Optional.empty();
		}
		for (SecretKeySpec key : this.keys) {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE));
				String payload = new String(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), StandardCharsets.UTF_8);
				String[] parts = payload.split("\n", 2);
				return Optional.of(new Subject(UUID.fromString(parts[0]), parts[1]));
			}
			catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				// AEADBadTagException: tampered or sealed with another key; try the next
			}
		}
		return Optional.empty();
	}

}
