package dev.beacon.common;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HMAC-SHA256 against RFC 4231's test vectors, with the one {@code Mac} a thread keeps
 * re-keyed for every call.
 */
class HmacTests {

	/** RFC 4231 test case 2. */
	private static final String JEFE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

	/** RFC 4231 test case 1: key 20 × 0x0b, data "Hi There". */
	private static final String HI_THERE = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";

	private static final byte[] KEY_0B = new byte[20];

	static {
		java.util.Arrays.fill(KEY_0B, (byte) 0x0b);
	}

	@Test
	void signsAsRfc4231SaysWithEveryKeyInTurnOnOneThread() {
		for (int i = 0; i < 3; i++) {
			assertThat(Hmac.signHex("Jefe", "what do ya want for nothing?")).isEqualTo(JEFE);
			assertThat(java.util.HexFormat.of()
				.formatHex(Hmac.sign(KEY_0B, "Hi There".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(HI_THERE);
		}
	}

	@Test
	void threadsSigningAtOnceEachGetTheirOwnSignature() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = IntStream.range(0, 400)
				.mapToObj((i) -> pool
					.submit(() -> (i % 2 == 0) ? Hmac.signHex("Jefe", "what do ya want for nothing?").equals(JEFE)
							: java.util.HexFormat.of()
								.formatHex(Hmac.sign(KEY_0B, "Hi There".getBytes(StandardCharsets.US_ASCII)))
								.equals(HI_THERE)))
				.toList();
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
