package dev.beacon.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In the assembled application every background loop, the carrier poller and the promise
 * refresh included, is a component of {@code loops} in {@code /actuator/health} (names
 * and status, no details, without authentication) and reports its last successful run as
 * {@code beacon_loop_last_success}.
 */
@BeaconIntegrationTest
class LoopsHealthIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthListsEveryLoopWithItsStatusAndNoDetails() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.loops.status").value("UP"))
			.andExpect(jsonPath("$.components.loops.components['carrier-poller'].status").value("UP"))
			.andExpect(jsonPath("$.components.loops.components['promise-refresh'].status").value("UP"))
			.andExpect(jsonPath("$.components.loops.components['notify-dispatcher'].status").value("UP"))
			.andExpect(jsonPath("$.components.loops.components['carrier-poller'].details").doesNotExist());
		this.mvc.perform(get("/actuator/health/loops/carrier-poller"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/loops/promise-refresh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void eachLoopReportsItsLastSuccessfulRunAsAMetric() throws Exception {
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("beacon_loop_last_success{loop=\"carrier-poller\"")))
			.andExpect(content().string(containsString("beacon_loop_last_success{loop=\"promise-refresh\"")));
	}

}
