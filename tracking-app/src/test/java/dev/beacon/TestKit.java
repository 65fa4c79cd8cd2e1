package dev.beacon;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.StatementCounter;

/**
 * The assembled app's share of the test kit: core's {@link Fixtures} as a bean of the one
 * {@link BeaconIntegrationTest} context, a {@link StatementCounter}, and the store
 * backend's request.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestKit {

	/** Counts the statements a request issues ({@link StatementCounter}). */
	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	Fixtures fixtures(StoreManagement stores, OrderManagement orders, ShipmentManagement shipments) {
		return new Fixtures(stores, orders, shipments);
	}

	/** A request as a store's backend sends it: its API key, a JSON body. */
	public static MockHttpServletRequestBuilder as(ProvisionedStore store, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + store.apiKey())
			.contentType(MediaType.APPLICATION_JSON);
	}

}
