package dev.beacon.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.common.SecretsCipher;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * WooCommerce against the assembled app: connect, webhook creation, paginated backfill
 * ({@code X-WP-TotalPages}, through a 429) against a stub of the REST API, and the
 * webhooks (ping, signature, topics, repeats) replayed from fixtures.
 */
@BeaconIntegrationTest
class WooCommerceIntegrationTests {

	static final String SECRET = "wc-webhook-secret-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	ProvisionedStore store;

	String sitePath;

	@BeforeEach
	void store() {
		this.store = this.stores.provision(new NewStore("Woo Shop", TestStores.uniqueSlug("woo"), null, null));
		this.sitePath = "/woo-" + this.store.store().getSlug();
		PlatformStub.wooAccepts(this.sitePath, "ck_test", "cs_test");
	}

	@Test
	void connectCreatesWebhooksAndBackfillsEveryPageThroughA429() throws Exception {
		String scenario = "woo-" + this.sitePath;
		PlatformStub.server()
			.stubFor(orders().withQueryParam("page", equalTo("1"))
				.inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("ok"));
		PlatformStub.server()
			.stubFor(orders().withQueryParam("page", equalTo("1"))
				.inScenario(scenario)
				.whenScenarioStateIs("ok")
				.willReturn(page("woocommerce/orders-page-1.json", 2)));
		PlatformStub.server()
			.stubFor(orders().withQueryParam("page", equalTo("2"))
				.willReturn(page("woocommerce/orders-page-2.json", 2)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":71}")));

		connect().andExpect(status().isOk())
			.andExpect(jsonPath("$.platform").value("woocommerce"))
			.andExpect(jsonPath("$.account").value(PlatformStub.baseUrl() + this.sitePath));
		JsonNode view = awaitBackfill();
		assertThat(view.path("backfill").path("status").asString()).isEqualTo("done");
		assertThat(view.path("backfill").path("imported").asInt()).isEqualTo(3);
		assertThat(view.path("backfill").path("pages").asInt()).isEqualTo(2);
		assertThat(view.toString()).doesNotContain("ck_test").doesNotContain("cs_test").doesNotContain(SECRET);

		List<LoggedRequest> pages = PlatformStub.server()
			.findAll(getRequestedFor(urlPathEqualTo(this.sitePath + "/wp-json/wc/v3/orders")).withQueryParam("per_page",
					equalTo("100")));
		assertThat(pages).hasSize(3);
		assertThat(pages.get(0).getHeader("Authorization"))
			.isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("ck_test:cs_test".getBytes()));
		Order first = this.orders.find(storeId(), "2301").orElseThrow();
		assertThat(first.getPlacedAt()).isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
		assertThat(first.getCustomer().name()).isEqualTo("Tomas Novak");
		assertThat(first.getDestination().city()).isEqualTo("Brno");
		assertThat(first.getDestination().country()).isEqualTo("CZ");
		assertThat(this.shipments.ofOrder(first.getId()))
			.extracting(ShipmentView::carrier, ShipmentView::trackingNumber)
			.containsExactly(tuple("ups", "1Z999AA10123456784"));
		assertThat(this.orders.find(storeId(), "2302")).isPresent();
		assertThat(this.orders.find(storeId(), "2303")).isPresent();

		awaitSubscription();
		List<LoggedRequest> hooks = PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")));
		assertThat(hooks.stream()
			.map((r) -> this.json.readTree(r.getBodyAsString()))
			.map((b) -> b.path("topic").asString() + " " + b.path("delivery_url").asString() + " "
					+ b.path("secret").asString())
			.toList())
			.containsExactly(
					"order.created https://track.example.test/webhooks/woocommerce/" + this.store.store().getSlug()
							+ " " + SECRET,
					"order.updated https://track.example.test/webhooks/woocommerce/" + this.store.store().getSlug()
							+ " " + SECRET,
					"order.deleted https://track.example.test/webhooks/woocommerce/" + this.store.store().getSlug()
							+ " " + SECRET);
	}

	@Test
	void aFailedWebhookCreationIsShownAndNeverFailsTheConnect() throws Exception {
		PlatformStub.server().stubFor(orders().willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"code\":\"woocommerce_rest_webhook_delivery_url_invalid\",\"message\":\"Delivery URL cannot be reached\",\"data\":{\"status\":400}}")));
		connect().andExpect(status().isOk());
		JsonNode view = awaitSubscription();
		assertThat(view.path("webhooks").path("status").asString()).isEqualTo("failed");
		assertThat(view.path("webhooks").path("error").asString())
			.isEqualTo("the WooCommerce site answered HTTP 400 (woocommerce_rest_webhook_delivery_url_invalid)");
		assertThat(awaitBackfill().path("backfill").path("status").asString()).isEqualTo("done");
	}

	@Test
	void webhooksPingSignTopicsAndRepeats() throws Exception {
		PlatformStub.server().stubFor(orders().willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":72}")));
		connect().andExpect(status().isOk());
		awaitBackfill();
		String path = "/webhooks/woocommerce/" + this.store.store().getSlug();

		this.mvc
			.perform(MockMvcRequestBuilders.post(path)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("webhook_id=72"))
			.andExpect(status().isOk());

		byte[] created = PlatformStub.fixture("woocommerce/order-created.json");
		this.mvc
			.perform(MockMvcRequestBuilders.post(path)
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-WC-Webhook-Topic", "order.created")
				.header("X-WC-Webhook-Delivery-ID", "d-bad")
				.header("X-WC-Webhook-Signature", PlatformStub.sign("wrong", created))
				.content(created))
			.andExpect(status().isUnauthorized());
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isZero();

		deliver("order.created", "d-1", "woocommerce/order-created.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		Order order = this.orders.find(storeId(), "2381").orElseThrow();
		assertThat(order.getPlacedAt()).isEqualTo(Instant.parse("2026-11-27T09:12:40Z"));
		assertThat(order.getCustomer().name()).isEqualTo("Lena Vogt");
		assertThat(order.getCustomer().email()).isEqualTo("lena.vogt@example.de");
		assertThat(order.getCustomer().phone()).isEqualTo("+49 30 5550 1234");
		assertThat(order.getDestination().postalCode()).isEqualTo("10435");
		assertThat(order.getDestination().city()).isEqualTo("Berlin");
		assertThat(order.getDestination().region()).isEqualTo("BE");
		assertThat(order.getDestination().country()).isEqualTo("DE");
		assertThat(this.jdbc.queryForList(
				"select coalesce(sku, '') || '|' || name || '|' || quantity from order_items where order_id = ? order by position",
				String.class, order.getId()))
			.containsExactly("APRON-LIN-RU|Linen apron - Rust|1", "|Beeswax wraps (3)|2");

		deliver("order.created", "d-1", "woocommerce/order-created.json")
			.andExpect(jsonPath("$.result").value("duplicate"));
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isEqualTo(1);
		assertThat(count("select count(*) from notify_messages where order_id = ? and trigger = 'ORDER_CONFIRMED'",
				order.getId()))
			.isZero();

		deliver("order.updated", "d-2", "woocommerce/order-updated.json").andExpect(status().isOk());
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isEqualTo(1);
		assertThat(this.orders.find(storeId(), "2381").orElseThrow().isCancelled()).isFalse();
		assertThat(this.shipments.ofOrder(order.getId()))
			.extracting(ShipmentView::carrier, ShipmentView::carrierName, ShipmentView::trackingNumber)
			.containsExactly(tuple("other", "Hermes Germany", "H1002345678901234567"));

		deliver("order.updated", "d-3", "woocommerce/order-cancelled.json").andExpect(status().isOk());
		assertThat(this.orders.find(storeId(), "2381").orElseThrow().isCancelled()).isTrue();
		assertThat(
				this.jdbc.queryForObject("select cancel_source from orders where id = ?", String.class, order.getId()))
			.isEqualTo("woocommerce");
		deliver("order.deleted", "d-4", "woocommerce/order-deleted.json").andExpect(status().isOk());
	}

	/**
	 * A site URL longer than a connection keeps is refused naming the field (it
	 * overflowed the column: a 500), and nothing is connected.
	 */
	/**
	 * A site URL is claimed only with keys the site accepts: wrong keys (401) or an
	 * address that is no WooCommerce site (a web page) store nothing (422), and the
	 * site's owner connects afterwards.
	 */
	@Test
	void aSiteIsClaimedOnlyWithKeysItAccepts() throws Exception {
		PlatformStub.server()
			.stubFor(orders().withQueryParam("per_page", equalTo("1"))
				.withBasicAuth("ck_madeup", "cs_madeup")
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody(
							"{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is invalid.\",\"data\":{\"status\":401}}")));
		ProvisionedStore squatter = this.stores
			.provision(new NewStore("Squatter", TestStores.uniqueSlug("squat"), null, null));
		this.mvc
			.perform(put("/api/v1/integrations/woocommerce")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + squatter.apiKey())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("siteUrl", PlatformStub.baseUrl() + this.sitePath,
						"consumerKey", "ck_madeup", "consumerSecret", "cs_madeup", "webhookSecret", "mine-now"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("Credentials not accepted"))
			.andExpect(jsonPath("$.detail").value(
					"the keys were not accepted at this siteUrl: the WooCommerce site answered HTTP 401 (woocommerce_rest_authentication_error)"));
		this.mvc
			.perform(put("/api/v1/integrations/woocommerce")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + squatter.apiKey())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("siteUrl", PlatformStub.baseUrl() + "/no-shop-here",
						"consumerKey", "ck_madeup", "consumerSecret", "cs_madeup", "webhookSecret", "mine-now"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("the keys were not accepted at this siteUrl: the WooCommerce site answered HTTP 404"));
		assertThat(count("select count(*) from platform_connections where store_id = ?", squatter.store().getId()))
			.isZero();

		PlatformStub.server().stubFor(orders().withQueryParam("per_page", equalTo("100")).willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":76}")));
		connect().andExpect(status().isOk()).andExpect(jsonPath("$.credentials.status").value("readable"));
		awaitBackfill();
		awaitSubscription();
	}

	/**
	 * The same connect twice (a double submit) is one connection: the site's webhooks are
	 * created once (not twice, which would deliver every order event twice) and the
	 * orders imported once.
	 */
	@Test
	void theSameConnectTwiceCreatesTheWebhooksOnce() throws Exception {
		PlatformStub.server().stubFor(orders().withQueryParam("per_page", equalTo("100")).willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":77}")));
		connect().andExpect(status().isOk());
		awaitBackfill();
		awaitSubscription();
		connect().andExpect(status().isOk())
			.andExpect(jsonPath("$.backfill.status").value("done"))
			.andExpect(jsonPath("$.webhooks.status").value("active"));
		assertThat(
				PlatformStub.server().findAll(postRequestedFor(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks"))))
			.hasSize(3);
		assertThat(PlatformStub.server()
			.findAll(getRequestedFor(urlPathEqualTo(this.sitePath + "/wp-json/wc/v3/orders")).withQueryParam("per_page",
					equalTo("100"))))
			.hasSize(1);
	}

	/**
	 * After beacon.secrets.key changed: the connection shows its credentials unreadable
	 * (not a 500) and a webhook cannot be verified with a secret Beacon cannot read.
	 */
	@Test
	void aWebhookSecretSealedWithAnotherKeyIsUnreadableNotA500() throws Exception {
		PlatformStub.server().stubFor(orders().withQueryParam("per_page", equalTo("100")).willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":78}")));
		connect().andExpect(status().isOk());
		awaitBackfill();
		awaitSubscription();
		SecretsCipher oldKey = new SecretsCipher(this.jdbc, "the-key-before-it-was-changed-0123", false,
				java.time.Clock.systemUTC());
		this.jdbc.update("update platform_connections set token = ?, signing_secret = ? where store_id = ?",
				oldKey.encrypt("ck_test\ncs_test\nbasic"), oldKey.encrypt(SECRET), storeId());
		this.mvc.perform(as(MockMvcRequestBuilders.get("/api/v1/integrations/woocommerce")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.credentials.status").value("unreadable"))
			.andExpect(jsonPath("$.credentials.error").value("credentials unreadable: reconnect"));
		deliver("order.created", "d-unreadable", "woocommerce/order-created.json").andExpect(status().isUnauthorized());
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isZero();
	}

	@Test
	void anOverlongSiteUrlIsA400NamingTheField() throws Exception {
		this.mvc
			.perform(as(put("/api/v1/integrations/woocommerce")).content(this.json
				.writeValueAsString(Map.of("siteUrl", PlatformStub.baseUrl() + this.sitePath + "/" + "a".repeat(300),
						"consumerKey", "ck_test", "consumerSecret", "cs_test", "webhookSecret", SECRET))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("siteUrl must be at most 255 characters"));
		assertThat(count("select count(*) from platform_connections where store_id = ?", storeId())).isZero();
	}

	/**
	 * A site that answers a web page instead of JSON (a wrong address, a maintenance or
	 * security page): the backfill and the subscription fail and say so, rather than
	 * staying under way forever.
	 */
	@Test
	void aSiteAnsweringAWebPageFailsTheBackfillAndTheSubscriptionVisibly() throws Exception {
		String html = "<!DOCTYPE html><html><body>Under maintenance</body></html>";
		PlatformStub.server()
			.stubFor(orders()
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks"))
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html)));
		// the site answered the connect's check, then went into maintenance
		PlatformStub.wooAccepts(this.sitePath, "ck_test", "cs_test");
		connect().andExpect(status().isOk());

		JsonNode backfill = awaitBackfill().path("backfill");
		assertThat(backfill.path("status").asString()).isEqualTo("failed");
		assertThat(backfill.path("error").asString())
			.isEqualTo("the WooCommerce site did not answer JSON (HTTP 200): is the site address right?");
		JsonNode webhooks = awaitSubscription().path("webhooks");
		assertThat(webhooks.path("status").asString()).isEqualTo("failed");
		assertThat(webhooks.path("error").asString())
			.isEqualTo("the WooCommerce site did not answer JSON (HTTP 200): is the site address right?");
	}

	/**
	 * WooCommerce derives {@code X-WC-Webhook-Delivery-ID} from the webhook and the
	 * second ({@code wp_hash(webhook id . time)}): two different deliveries of one
	 * webhook in the same second (a bulk action in the WordPress admin) share it, and
	 * both count.
	 */
	@Test
	void twoDifferentDeliveriesSharingADeliveryIdAreBothApplied() throws Exception {
		PlatformStub.server().stubFor(orders().willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":75}")));
		connect().andExpect(status().isOk());
		awaitBackfill();
		byte[] first = PlatformStub.fixture("woocommerce/order-created.json");
		byte[] second = new String(first, java.nio.charset.StandardCharsets.UTF_8).replace("2381", "2382")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		deliver("order.created", "5d1c0a7e", first).andExpect(jsonPath("$.result").value("applied"));
		deliver("order.created", "5d1c0a7e", second).andExpect(jsonPath("$.result").value("applied"));
		deliver("order.created", "5d1c0a7e", second).andExpect(jsonPath("$.result").value("duplicate"));

		assertThat(this.jdbc.queryForList("select order_number from orders where store_id = ? order by 1", String.class,
				storeId()))
			.containsExactly("2381", "2382");
	}

	@Test
	void overLongTextFromTheShopIsCutToItsColumnAndTheOrderIsApplied() throws Exception {
		PlatformStub.server().stubFor(orders().willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":74}")));
		connect().andExpect(status().isOk());
		awaitBackfill();
		String title = "Linen apron - Rust, " + "hand-dyed ".repeat(40); // 420
		String sku = "APRON-LIN-RU-" + "X".repeat(87); // 100
		String first = "Lena" + "a".repeat(146); // 150
		String last = "Vogt" + "o".repeat(146);
		String city = "Berlin-" + "Prenzlauer Berg ".repeat(10); // 167
		String state = "BE-" + "Brandenburg ".repeat(12); // 147
		String postcode = "10435-" + "9".repeat(24); // 30
		String provider = "Hermes Germany " + "Paketshop-Zustellung/".repeat(8); // 183
		String trackingId = "8b0f4c2e9a7d41e3b6c5d2a1f0e9d8c7".repeat(3); // 96
		tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) this.json
			.readTree(PlatformStub.fixture("woocommerce/order-updated.json"));
		((tools.jackson.databind.node.ObjectNode) o.get("line_items").get(0)).put("name", title).put("sku", sku);
		((tools.jackson.databind.node.ObjectNode) o.get("billing")).put("first_name", first).put("last_name", last);
		((tools.jackson.databind.node.ObjectNode) o.get("shipping")).put("city", city)
			.put("state", state)
			.put("postcode", postcode);
		((tools.jackson.databind.node.ObjectNode) o.get("meta_data").get(1).get("value").get(0))
			.put("custom_tracking_provider", provider)
			.put("tracking_id", trackingId);
		byte[] body = this.json.writeValueAsBytes(o);

		deliver("order.updated", "d-long-1", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		Order order = this.orders.find(storeId(), "2381").orElseThrow();
		assertThat(this.jdbc.queryForList(
				"select coalesce(sku, '') || '|' || name || '|' || quantity from order_items where order_id = ? order by position",
				String.class, order.getId()))
			.containsExactly(sku.substring(0, 64) + "|" + title.substring(0, 300) + "|1", "|Beeswax wraps (3)|2");
		assertThat(order.getCustomer().name()).isEqualTo((first + " " + last).substring(0, 200));
		assertThat(order.getDestination().city()).isEqualTo(city.substring(0, 120));
		assertThat(order.getDestination().region()).isEqualTo(state.substring(0, 120));
		assertThat(order.getDestination().postalCode()).isEqualTo(postcode.substring(0, 20));
		assertThat(this.shipments.ofOrder(order.getId()))
			.extracting(ShipmentView::carrier, ShipmentView::carrierName, ShipmentView::trackingNumber)
			.containsExactly(tuple("other", provider.substring(0, 120), "H1002345678901234567"));
		// an over-long fulfillment id is never cut (it could name another): not linked
		assertThat(count("select count(*) from platform_fulfillments where store_id = ?", storeId())).isZero();
		// applied once, never failed: the same delivery again is a repeat
		deliver("order.updated", "d-long-1", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("duplicate"));
	}

	@Test
	void trackingNumbersOfCoreFulfillmentsBecomeShipmentsNextToTheShipmentTrackingItems() throws Exception {
		PlatformStub.server().stubFor(orders().willReturn(page(null, 1)));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":73}")));
		PlatformStub.server()
			.stubFor(get(urlPathEqualTo(this.sitePath + "/wp-json/wc/v3/orders/2381/fulfillments"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(PlatformStub.fixtureText("woocommerce/order-fulfillments.json"))));
		connect().andExpect(status().isOk());
		awaitBackfill();

		deliver("order.updated", "d-ful-1", "woocommerce/order-updated.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		Order order = this.orders.find(storeId(), "2381").orElseThrow();
		List<ShipmentView> parcels = List.of();
		for (int i = 0; i < 300 && parcels.size() < 2; i++) {
			Thread.sleep(100);
			parcels = this.shipments.ofOrder(order.getId());
		}
		assertThat(parcels).extracting(ShipmentView::carrier, ShipmentView::trackingNumber)
			.containsExactlyInAnyOrder(tuple("other", "H1002345678901234567"), tuple("ups", "1Z999AA10123456784"));
		assertThat(this.jdbc.queryForList(
				"select fulfillment_id from platform_fulfillments where store_id = ? and platform = 'woocommerce' order by 1",
				String.class, storeId()))
			.containsExactly("8b0f4c2e9a7d41e3b6c5d2a1f0e9d8c7", "fulfillment-41");
		assertThat(PlatformStub.server()
			.findAll(getRequestedFor(urlPathEqualTo(this.sitePath + "/wp-json/wc/v3/orders/2381/fulfillments"))))
			.hasSize(1)
			.allSatisfy((r) -> assertThat(r.getHeader("Authorization"))
				.isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("ck_test:cs_test".getBytes())));
	}

	@Test
	void aSiteWithoutTheFulfillmentsFeatureIsAskedOnceDuringABackfill() throws Exception {
		PlatformStub.server()
			.stubFor(orders().withQueryParam("page", equalTo("1"))
				.willReturn(page("woocommerce/orders-page-1.json", 2)));
		PlatformStub.server()
			.stubFor(orders().withQueryParam("page", equalTo("2"))
				.willReturn(page("woocommerce/orders-page-2.json", 2)));
		PlatformStub.server()
			.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock
				.urlPathMatching(this.sitePath + "/wp-json/wc/v3/orders/[0-9]+/fulfillments"))
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody(
							"{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL and request method.\",\"data\":{\"status\":404}}")));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(this.sitePath + "/wp-json/wc/v3/webhooks")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":74}")));
		connect().andExpect(status().isOk());
		JsonNode view = awaitBackfill();
		assertThat(view.path("backfill").path("imported").asInt()).isEqualTo(3);
		assertThat(PlatformStub.server()
			.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
				.urlPathMatching(this.sitePath + "/wp-json/wc/v3/orders/[0-9]+/fulfillments"))))
			.extracting(LoggedRequest::getUrl)
			.containsExactly(this.sitePath + "/wp-json/wc/v3/orders/2301/fulfillments");
		assertThat(this.shipments.ofOrder(this.orders.find(storeId(), "2301").orElseThrow().getId()))
			.extracting(ShipmentView::carrier, ShipmentView::trackingNumber)
			.containsExactly(tuple("ups", "1Z999AA10123456784"));
	}

	private ResultActions connect() throws Exception {
		return this.mvc.perform(as(put("/api/v1/integrations/woocommerce"))
			.content(this.json.writeValueAsString(Map.of("siteUrl", PlatformStub.baseUrl() + this.sitePath + "/",
					"consumerKey", "ck_test", "consumerSecret", "cs_test", "webhookSecret", SECRET))));
	}

	private ResultActions deliver(String topic, String deliveryId, String fixture) throws Exception {
		return deliver(topic, deliveryId, PlatformStub.fixture(fixture));
	}

	private ResultActions deliver(String topic, String deliveryId, byte[] body) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post("/webhooks/woocommerce/" + this.store.store().getSlug())
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-WC-Webhook-Topic", topic)
			.header("X-WC-Webhook-Resource", "order")
			.header("X-WC-Webhook-Source", "https://shop.example.de/")
			.header("X-WC-Webhook-Delivery-ID", deliveryId)
			.header("X-WC-Webhook-Signature", PlatformStub.sign(SECRET, body))
			.content(body));
	}

	private MappingBuilder orders() {
		return get(urlPathEqualTo(this.sitePath + "/wp-json/wc/v3/orders"));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String fixture, int pages) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-WP-TotalPages", Integer.toString(pages))
			.withBody((fixture != null) ? PlatformStub.fixtureText(fixture) : "[]");
	}

	private JsonNode awaitBackfill() throws Exception {
		return await("backfill");
	}

	private JsonNode awaitSubscription() throws Exception {
		return await("webhooks");
	}

	private JsonNode await(String part) throws Exception {
		for (int i = 0; i < 300; i++) {
			JsonNode view = this.json
				.readTree(this.mvc.perform(as(MockMvcRequestBuilders.get("/api/v1/integrations/woocommerce")))
					.andReturn()
					.getResponse()
					.getContentAsString());
			String state = view.path(part).path("status").asString();
			if (state.equals("done") || state.equals("failed") || state.equals("active")) {
				return view;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(part + " did not finish");
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.store.apiKey())
			.contentType(MediaType.APPLICATION_JSON);
	}

	private UUID storeId() {
		return this.store.store().getId();
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

}
