package dev.beacon.notify;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.beacon.common.Hmac;
import dev.beacon.order.TrackingLinks;

/**
 * Signed one-click unsubscribe links ({@code /notifications/unsubscribe/<token>}): the
 * token names store and address and carries an HMAC, so it needs no login and cannot be
 * forged for someone else's address. It never expires (RFC 8058 links must keep working).
 */
@Component
class UnsubscribeTokens {

	private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);

	private final byte[] secret;

	private final TrackingLinks links;

	UnsubscribeTokens(NotifyProperties properties, Environment env, TrackingLinks links) {
		this.links = links;
		String configured = properties.unsubscribeSecret();
		if (configured == null || configured.isBlank()) {
			configured = env.getProperty("beacon.link-secret");
		}
		if (configured == null || configured.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			this.secret = random;
			log.warn("Neither beacon.notify.unsubscribe-secret nor beacon.link-secret is set: unsubscribe links stop "
					+ "working after a restart.");
		}
		else {
			this.secret = ("unsubscribe:" + configured).getBytes(StandardCharsets.UTF_8);
		}
	}

	String url(UUID storeId, String email) {
		return this.links.baseUrl() + "/notifications/unsubscribe/" + token(storeId, email);
	}

	String token(UUID storeId, String email) {
		String payload = storeId + "\n" + email;
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return encoded + "." + mac(payload);
	}

	record Subject(UUID storeId, String email) {
	}

	Optional<Subject> verify(String token) {
		int dot = token.lastIndexOf('.');
		if (dot <= 0 || token.length() > 1000) {
			return Optional.empty();
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			if (!Hmac.matches(mac(payload), token.substring(dot + 1))) {
				return Optional.empty();
			}
			String[] parts = payload.split("\n", 2);
			return Optional.of(new Subject(UUID.fromString(parts[0]), parts[1]));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

	private String mac(String payload) {
		return Hmac.signBase64Url(this.secret, payload);
	}

}
