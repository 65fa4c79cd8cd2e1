package dev.beacon.carriers.easypost;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code beacon.carriers.easypost.*}: EasyPost as an active source. Without an API key,
 * EasyPost only pushes updates for trackers the store created itself.
 *
 * @param apiKey the API key (HTTP basic user name)
 * @param baseUrl the API root; Beacon posts to {@code /v2/trackers}
 * @param every how often new shipments get trackers
 * @param timeout connect and read timeout of one request
 * @param background whether this instance runs the loop (tests drive it by hand)
 */
@ConfigurationProperties("beacon.carriers.easypost")
public record EasyPostProperties(@Nullable String apiKey, @DefaultValue("https://api.easypost.com") String baseUrl,
		@DefaultValue("PT30S") Duration every, @DefaultValue("PT10S") Duration timeout,
		@DefaultValue("true") boolean background) {

	public EasyPostProperties {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	boolean enabled() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

}
