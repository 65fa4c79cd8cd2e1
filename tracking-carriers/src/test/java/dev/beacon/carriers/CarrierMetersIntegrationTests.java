package dev.beacon.carriers;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.carriers.http.CarrierMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented carrier metrics exist from startup for every adapter, also for carriers
 * that have made no call yet (issue 9).
 */
class CarrierMetersIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	CarrierMetrics metrics;

	@Test
	void everyAdaptersMetersExistBeforeItsFirstCall() {
		var registry = this.metrics.registry();
		for (String carrier : new String[] { "fedex", "usps", "dhl", "canadapost", "sandbox" }) {
			assertThat(registry.find("beacon.carrier.requests").tag("carrier", carrier).counter()).as(carrier)
				.isNotNull();
			assertThat(registry.find("beacon.carrier.latency").tag("carrier", carrier).timer()).as(carrier).isNotNull();
			assertThat(
					registry.find("beacon.carrier.errors").tags("carrier", carrier, "kind", "rate_limited").counter())
				.as(carrier)
				.isNotNull();
			assertThat(registry.find("beacon.carrier.scans.ingested").tag("carrier", carrier).counter()).as(carrier)
				.isNotNull();
			assertThat(registry.find("beacon.carrier.queue.lag").tag("carrier", carrier).gauge()).as(carrier)
				.isNotNull();
		}
	}

}
