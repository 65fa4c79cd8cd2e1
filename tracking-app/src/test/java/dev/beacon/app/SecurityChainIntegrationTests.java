package dev.beacon.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import dev.beacon.BeaconIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assembled application's security filter chains are not decorated for observations:
 * with the decorator every filter of every request is wrapped, though the observations
 * themselves are switched off (docs/performance.md, fix 5).
 */
@BeaconIntegrationTest
class SecurityChainIntegrationTests {

	@Autowired
	FilterChainProxy springSecurityFilterChain;

	@Test
	void noFilterOfAnyChainIsWrappedInAnObservation() {
		assertThat(ReflectionTestUtils.getField(this.springSecurityFilterChain, "filterChainDecorator")).isNotNull()
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
	}

}
