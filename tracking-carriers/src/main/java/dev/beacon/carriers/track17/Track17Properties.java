package dev.beacon.carriers.track17;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code beacon.carriers.17track.*}: the 17TRACK aggregator source. Without an API key it
 * is off.
 *
 * @param apiKey the API key (the {@code 17token} header; also the key pushes are signed
 * with)
 * @param baseUrl the API root; Beacon appends {@code /track/v2.2/<endpoint>}
 * @param every how often new shipments are registered and stale ones fetched (at most a
 * minute passes before a new shipment is registered)
 * @param batch numbers per request (17TRACK allows at most 40)
 * @param requestsPerSecond requests per second (17TRACK allows 3 per key)
 * @param fetchAfter how long without a push before {@code gettrackinfo} is asked
 * @param timeout connect and read timeout of one request
 * @param background whether this instance runs the registration loop (tests drive it by
 * hand)
 */
@ConfigurationProperties("beacon.carriers.17track")
public record Track17Properties(@Nullable String apiKey, @DefaultValue("https://api.17track.net") String baseUrl,
		@DefaultValue("PT20S") Duration every, @DefaultValue("40") int batch, @DefaultValue("3") int requestsPerSecond,
		@DefaultValue("PT12H") Duration fetchAfter, @DefaultValue("PT10S") Duration timeout,
		@DefaultValue("true") boolean background) {

	public Track17Properties {
		batch = Math.max(1, Math.min(40, batch));
		requestsPerSecond = Math.max(1, requestsPerSecond);
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	boolean enabled() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

}
