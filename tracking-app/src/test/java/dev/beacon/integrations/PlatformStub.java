package dev.beacon.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.beacon.common.Hmac;

/**
 * One WireMock server for every store-platform and carrier stub (Shopify Admin API,
 * WooCommerce REST, UPS and DHL for stores' own carrier accounts: the install itself has
 * no carrier credentials), started once per test JVM on a random port. Registered in the
 * test {@code META-INF/spring.factories}, so every application context of the assembled
 * app points Shopify, UPS and DHL at it ({@code beacon.integrations.shopify.base-url},
 * {@code beacon.carriers.ups|dhl.base-url}), may call loopback addresses
 * ({@code beacon.net.allow-private-addresses}) and has a secrets key. No test reaches the
 * internet.
 */
public class PlatformStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The public app the tests install. */
	public static final String CLIENT_ID = "test-client-id";

	public static final String CLIENT_SECRET = "test-client-secret";

	private static WireMockServer server;

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	public static String baseUrl() {
		return "http://127.0.0.1:" + server().port();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("beaconPlatformStub", Map.of("beacon.integrations.shopify.base-url",
					baseUrl() + "/shopify", "beacon.integrations.shopify.client-id", CLIENT_ID,
					"beacon.integrations.shopify.client-secret", CLIENT_SECRET, "beacon.net.allow-private-addresses",
					"true", "beacon.secrets.key", "test-secrets-key-0123456789abcdef", "beacon.carriers.ups.base-url",
					baseUrl() + "/ups", "beacon.carriers.dhl.base-url", baseUrl() + "/dhl",
					"beacon.carriers.ups.backoff", "20ms")));
	}

	/** Where a connect verifies a Shopify access token (through the stub's base URL). */
	public static final String SHOPIFY_SHOP = "/shopify/admin/api/2025-07/shop.json";

	/**
	 * Shopify's Admin API accepts {@code token} for {@code shop}: {@code GET shop.json}
	 * answers as that shop (what a connect verifies before it claims the shop).
	 */
	public static void shopifyAccepts(String shop, String token) {
		server().stubFor(WireMock.get(WireMock.urlEqualTo(SHOPIFY_SHOP))
			.withHeader("X-Shopify-Access-Token", WireMock.equalTo(token))
			.willReturn(WireMock
				.okJson("{\"shop\":{\"id\":548380009,\"name\":\"Test shop\",\"myshopify_domain\":\"" + shop + "\"}}")));
	}

	/**
	 * The WooCommerce site under {@code sitePath} accepts these keys (HTTP Basic): its
	 * {@code GET /orders?per_page=1} answers a list (what a connect verifies).
	 */
	public static void wooAccepts(String sitePath, String consumerKey, String consumerSecret) {
		server().stubFor(WireMock.get(WireMock.urlPathEqualTo(sitePath + "/wp-json/wc/v3/orders"))
			.withQueryParam("per_page", WireMock.equalTo("1"))
			.withBasicAuth(consumerKey, consumerSecret)
			.willReturn(WireMock.okJson("[]")));
	}

	/** A fixture under {@code platforms/}, as bytes exactly as stored. */
	public static byte[] fixture(String path) {
		try (InputStream in = PlatformStub.class.getResourceAsStream("/platforms/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String fixtureText(String path) {
		return new String(fixture(path), StandardCharsets.UTF_8);
	}

	public static String sign(String secret, byte[] body) {
		return Hmac.signBase64(secret, body);
	}

}
