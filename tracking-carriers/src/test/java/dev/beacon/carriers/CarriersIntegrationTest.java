package dev.beacon.carriers;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The one Spring context of this module's integration tests: the whole carriers module on
 * the test database, with UPS pointed at a WireMock server shared by all of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class CarriersIntegrationTest {

	protected static final WireMockServer UPS = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		UPS.start();
		Runtime.getRuntime().addShutdownHook(new Thread(UPS::stop));
	}

	@DynamicPropertySource
	static void carriers(DynamicPropertyRegistry registry) {
		registry.add("beacon.carriers.ups.base-url", UPS::baseUrl);
		registry.add("beacon.carriers.ups.client-id", () -> "it-client");
		registry.add("beacon.carriers.ups.client-secret", () -> "it-secret");
		registry.add("beacon.carriers.ups.timeout", () -> "2s");
		registry.add("beacon.carriers.ups.backoff", () -> "20ms");
	}

}
