package dev.beacon.order;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Beacon is reachable from outside and how shopper links are signed.
 *
 * @param publicBaseUrl the address used in every link Beacon sends out
 * @param linkSecret HMAC secret of signed tracking links; every instance must share it
 * @param linkTtl how long a signed link stays valid
 */
@ConfigurationProperties("beacon")
record LinkSettings(@DefaultValue("http://localhost:8080") String publicBaseUrl, @Nullable String linkSecret,
		@DefaultValue("P60D") Duration linkTtl) {
}
