package dev.beacon.carriers.push;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTests {

	static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

	@Test
	void malformedHeadersFailQuietly() {
		assertThat(Signatures.easyPost("hush", BODY, null)).isFalse();
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
