package dev.beacon.notify.consent;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import dev.beacon.notify.NotifyProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsubscribe links survive a rotation of their secret: a comma-separated list seals new
 * tokens with the first secret and opens tokens of any of them, like
 * {@code beacon.link-secret}.
 */
class UnsubscribeTokensTests {

	private static final UUID STORE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final String OLD = "old-secret-old-secret-old-secret-0001";

	private static final String NEW = "new-secret-new-secret-new-secret-0002";

	@Test
	void tokensOfEveryListedSecretOpenAndNewOnesUseTheFirst() {
		UnsubscribeTokens before = tokens(OLD);
		UnsubscribeTokens rotated = tokens(NEW + "," + OLD);
		UnsubscribeTokens after = tokens(NEW);

		String sealedBefore = before.token(STORE, "ana@example.com");
		String legacyBefore = before.legacyToken(STORE, "ana@example.com");
		String sealedRotated = rotated.token(STORE, "ana@example.com");

		assertThat(rotated.verify(sealedBefore)).contains(new UnsubscribeTokens.Subject(STORE, "ana@example.com"));
		assertThat(rotated.verify(legacyBefore)).contains(new UnsubscribeTokens.Subject(STORE, "ana@example.com"));
		assertThat(after.verify(sealedRotated)).contains(new UnsubscribeTokens.Subject(STORE, "ana@example.com"));
		assertThat(after.verify(sealedBefore)).isEmpty();
		assertThat(after.verify(legacyBefore)).isEmpty();
	}

	@Test
	void unsetSecretFallsBackToTheLinkSecretList() {
		UnsubscribeTokens fromLinks = new UnsubscribeTokens(properties(null),
				new MockEnvironment().withProperty("beacon.link-secret", NEW + "," + OLD), null);
		assertThat(tokens(NEW).verify(fromLinks.token(STORE, "bo@example.com")))
			.contains(new UnsubscribeTokens.Subject(STORE, "bo@example.com"));
	}

	private static UnsubscribeTokens tokens(String secret) {
		return new UnsubscribeTokens(properties(secret), new MockEnvironment(), null);
	}

	private static NotifyProperties properties(String secret) {
		Map<String, String> values = (secret != null) ? Map.of("beacon.notify.unsubscribe-secret", secret) : Map.of();
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("beacon.notify",
				NotifyProperties.class);
	}

}
