package dev.beacon.carriers;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The one Spring context of this module's integration tests: the whole carriers module on
 * the test database, with UPS, 17TRACK and EasyPost pointed at WireMock servers shared by
 * all of them (17TRACK's loop is driven by the tests; it follows UPS numbers while UPS's
 * daily budget is spent).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class CarriersIntegrationTest {

	protected static final WireMockServer UPS = new WireMockServer(wireMockConfig().dynamicPort());

	/** 17TRACK's API, for the aggregator source. */
	protected static final WireMockServer TRACK17 = new WireMockServer(wireMockConfig().dynamicPort());

	protected static final String TRACK17_KEY = "it-17track-key";

	/** EasyPost's API, for trackers created by Beacon. */
	protected static final WireMockServer EASYPOST = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		UPS.start();
		TRACK17.start();
		EASYPOST.start();
		Runtime.getRuntime().addShutdownHook(new Thread(EASYPOST::stop));
		Runtime.getRuntime().addShutdownHook(new Thread(UPS::stop));
		Runtime.getRuntime().addShutdownHook(new Thread(TRACK17::stop));
	}

	@DynamicPropertySource
	static void carriers(DynamicPropertyRegistry registry) {
		registry.add("beacon.carriers.ups.base-url", UPS::baseUrl);
		registry.add("beacon.carriers.ups.client-id", () -> "it-client");
		registry.add("beacon.carriers.ups.client-secret", () -> "it-secret");
		registry.add("beacon.carriers.ups.timeout", () -> "2s");
		registry.add("beacon.carriers.ups.backoff", () -> "20ms");
		// a daily budget to spend, and 17TRACK following UPS numbers while it is spent
		registry.add("beacon.carriers.ups.requests-per-day", () -> "100000");
		registry.add("beacon.carriers.ups.fallback-to-aggregator", () -> "true");
		registry.add("beacon.carriers.17track.api-key", () -> TRACK17_KEY);
		registry.add("beacon.carriers.17track.base-url", TRACK17::baseUrl);
		registry.add("beacon.carriers.17track.background", () -> "false");
		registry.add("beacon.carriers.17track.requests-per-second", () -> "50");
		registry.add("beacon.carriers.easypost.api-key", () -> "EZTK-it");
		registry.add("beacon.carriers.easypost.base-url", EASYPOST::baseUrl);
		registry.add("beacon.carriers.easypost.background", () -> "false");
	}

}
