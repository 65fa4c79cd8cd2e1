package dev.beacon.carriers.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import dev.beacon.status.Milestone;

/** Fixtures and settings for adapter tests against WireMock. */
public final class AdapterTestSupport {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private AdapterTestSupport() {
	}

	/** Fast retries and short timeouts so failure tests run quickly. */
	public static CarrierSettings settings(String baseUrl, String id, String secret, String apiKey) {
		return new CarrierSettings(baseUrl, id, secret, apiKey, Duration.ofMillis(700), 3, Duration.ofMillis(20),
				Duration.ofSeconds(2), 1000, Duration.ofSeconds(1), 0, Duration.ofSeconds(1));
	}

	public static String fixture(String path) {
		try (InputStream in = Objects.requireNonNull(AdapterTestSupport.class.getResourceAsStream("/fixtures/" + path),
				path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static PollTask task(String carrier, String number) {
		return new PollTask(UUID.randomUUID(), UUID.randomUUID(), carrier, number, null, null,
				Instant.now().minus(Duration.ofDays(2)), Milestone.LABEL_CREATED, null, null);
	}

}
