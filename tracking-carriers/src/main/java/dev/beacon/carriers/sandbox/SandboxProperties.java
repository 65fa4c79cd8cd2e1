package dev.beacon.carriers.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox carrier's settings.
 *
 * @param timeScale how many times faster than real time the sandbox clock runs (a journey
 * is about 4 days of carrier time: 576 plays it in about 10 minutes)
 */
@ConfigurationProperties("beacon.sandbox")
record SandboxProperties(@DefaultValue("1") double timeScale) {

	SandboxProperties {
		if (!(timeScale > 0)) {
			throw new IllegalArgumentException("beacon.sandbox.time-scale must be positive, was " + timeScale);
		}
	}

}
