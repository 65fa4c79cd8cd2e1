package dev.beacon.demo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode.
 *
 * @param enabled create the demo store and its orders at start
 * @param apiKey the demo store's API key (a random one is printed at start when unset)
 * @param password the console users' password (likewise)
 * @param trafficInterval how often a new demo order arrives (zero: never)
 */
@ConfigurationProperties("beacon.demo")
record DemoSettings(boolean enabled, @Nullable String apiKey, @Nullable String password,
		@DefaultValue("PT2M") Duration trafficInterval) {
}
