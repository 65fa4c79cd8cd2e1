package dev.beacon.carriers.push;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTests {

	static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

	@Test
	void shopifyStyleVector() {
		assertThat(Signatures.shopifyHeader("hush", BODY)).isEqualTo("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=");
		assertThat(Signatures.shopify("hush", BODY, "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=")).isTrue();
		assertThat(Signatures.shopify("hush", "{\"id\":2}".getBytes(StandardCharsets.UTF_8),
				"VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY="))
			.isFalse();
	}

	@Test
	void malformedHeadersFailQuietly() {
		assertThat(Signatures.shopify("hush", BODY, "%%%not-base64")).isFalse();
		assertThat(Signatures.shopify("hush", BODY, null)).isFalse();
		assertThat(Signatures.easyPost("hush", BODY, "hmac-sha256-hex=zz")).isFalse();
		assertThat(Signatures.easyPost("hush", BODY, "sha1=abc")).isFalse();
	}

	@Test
	void easyPostHexRoundTrip() {
		String header = Signatures.easyPostHeader("whsec", BODY);
		assertThat(header).startsWith("hmac-sha256-hex=");
		assertThat(Signatures.easyPost("whsec", BODY, header)).isTrue();
		assertThat(Signatures.easyPost("other", BODY, header)).isFalse();
	}

}
