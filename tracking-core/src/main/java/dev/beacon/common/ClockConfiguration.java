package dev.beacon.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of the application (UTC system time), unless a test or the demo
 * defines its own. Everything that reads the time injects this bean; nothing calls
 * {@code Instant.now()} directly.
 */
@AutoConfiguration
public class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
