package dev.beacon.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingLinksTests {

	private final Instant now = Instant.parse("2026-05-01T12:00:00Z");

	private TrackingLinks links(Instant at) {
		return new TrackingLinks(new LinkSettings("https://track.example.com/", "s3cret", Duration.ofDays(30)),
				Clock.fixed(at, ZoneOffset.UTC));
	}

	@Test
	void cleanAndSignedUrls() {
		TrackingLinks links = links(this.now);
		assertThat(links.orderPage("acme", "A 1/2")).isEqualTo("https://track.example.com/t/acme/orders/A%201%2F2");
		assertThat(links.signedOrderPage("acme", "1001")).startsWith("https://track.example.com/t/acme/orders/1001?k=");
	}

	@Test
	void tokenProvesOneOrderOfOneStoreUntilItExpires() {
		String token = links(this.now).token("acme", "1001");
		assertThat(links(this.now).verify("acme", "1001", token)).isTrue();
		assertThat(links(this.now.plus(Duration.ofDays(29))).verify("acme", "1001", token)).isTrue();
		assertThat(links(this.now.plus(Duration.ofDays(31))).verify("acme", "1001", token)).isFalse();
		assertThat(links(this.now).verify("acme", "1002", token)).isFalse();
		assertThat(links(this.now).verify("other", "1001", token)).isFalse();
		assertThat(links(this.now).verify("acme", "1001", token + "x")).isFalse();
		assertThat(links(this.now).verify("acme", "1001", "garbage")).isFalse();
		String forged = (this.now.getEpochSecond() + 999999) + token.substring(token.indexOf('.'));
		assertThat(links(this.now).verify("acme", "1001", forged)).isFalse();
	}

	@Test
	void rotationSignsWithTheFirstSecretAndVerifiesWithAny() {
		Clock clock = Clock.fixed(this.now, ZoneOffset.UTC);
		TrackingLinks old = new TrackingLinks(new LinkSettings("https://t.example", "old-secret", Duration.ofDays(30)),
				clock);
		TrackingLinks rotated = new TrackingLinks(
				new LinkSettings("https://t.example", " new-secret , old-secret ", Duration.ofDays(30)), clock);
		TrackingLinks retired = new TrackingLinks(
				new LinkSettings("https://t.example", "new-secret", Duration.ofDays(30)), clock);
		String oldToken = old.token("acme", "1001");
		String newToken = rotated.token("acme", "1001");
		assertThat(rotated.verify("acme", "1001", oldToken)).isTrue();
		assertThat(retired.verify("acme", "1001", newToken)).isTrue();
		assertThat(retired.verify("acme", "1001", oldToken)).isFalse();
		assertThat(old.verify("acme", "1001", newToken)).isFalse();
		assertThat(TrackingLinks.secrets(" a, ,b ")).containsExactly("a", "b");
	}

}
