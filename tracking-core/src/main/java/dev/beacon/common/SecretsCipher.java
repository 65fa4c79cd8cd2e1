package dev.beacon.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * THE secrets helper: encrypts credentials at rest (AES-256-GCM, key derived from
 * {@code beacon.secrets.key}): store platforms' tokens (integrations) and stores' own
 * carrier accounts (carriers). In demo mode without a key, a generated key kept in the
 * database ({@code platform_secret_keys}, created with the integrations module's V600 and
 * kept under that name so installed demos still decrypt) is used, with a warning; outside
 * demo mode, storing a credential without the key is refused with a
 * {@link SecretsKeyMissingException} (each module answers it 409 problem+json naming the
 * property). Beacon starts without the key either way.
 */
@Component
public class SecretsCipher {

	public static final String PROPERTY = "beacon.secrets.key";

	private static final Logger log = LoggerFactory.getLogger(SecretsCipher.class);

	private static final String PREFIX = "v1:";

	private final JdbcTemplate jdbc;

	private final @Nullable String configuredKey;

	private final boolean demo;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private volatile @Nullable SecretKeySpec key;

	public SecretsCipher(JdbcTemplate jdbc, @Value("${beacon.secrets.key:}") @Nullable String configuredKey,
			@Value("${beacon.demo.enabled:false}") boolean demo, Clock clock) {
		this.jdbc = jdbc;
		this.configuredKey = (configuredKey != null && !configuredKey.isBlank()) ? configuredKey : null;
		this.demo = demo;
		this.clock = clock;
	}

	/**
	 * Refuses ({@link SecretsKeyMissingException}) when credentials cannot be stored
	 * encrypted.
	 */
	public void requireKey() {
		key();
	}

	public String encrypt(String plain) {
		try {
			byte[] iv = new byte[12];
			this.random.nextBytes(iv);
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
			byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt a credential", ex);
		}
	}

	public String decrypt(String stored) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("a stored credential is not in a known format");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
			return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a stored credential cannot be decrypted: was " + PROPERTY + " changed?",
					ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec k = this.key;
		if (k != null) {
			return k;
		}
		String material = this.configuredKey;
		if (material == null) {
			if (!this.demo) {
				throw new SecretsKeyMissingException();
			}
			material = demoKey();
		}
		try {
			k = new SecretKeySpec(
					MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.key = k;
		return k;
	}

	private String demoKey() {
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		try {
			return storedDemoKey(fresh);
		}
		catch (DataAccessException ex) {
			// an assembly without the integrations module has no key table: this run only
			log.warn("Demo mode: {} is not set and no key table exists; credentials saved now are readable "
					+ "until this instance stops. Set {}.", PROPERTY, PROPERTY);
			return Base64.getEncoder().encodeToString(fresh);
		}
	}

	private String storedDemoKey(byte[] fresh) {
		this.jdbc.update("""
				insert into platform_secret_keys (id, secret_key, created_at) values (1, ?, ?)
				on conflict (id) do nothing""", Base64.getEncoder().encodeToString(fresh),
				Timestamp.from(this.clock.instant()));
		log.warn("Demo mode: {} is not set, credentials are encrypted with a generated key kept in the "
				+ "database. Set {} before connecting real shops or carrier accounts.", PROPERTY, PROPERTY);
		return this.jdbc.queryForObject("select secret_key from platform_secret_keys where id = 1", String.class);
	}

}
