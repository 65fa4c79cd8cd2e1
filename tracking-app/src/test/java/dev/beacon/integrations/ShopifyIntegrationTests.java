package dev.beacon.integrations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
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

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
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
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Shopify against the assembled app: connect, subscription and backfill against a stub of
 * the Admin API (every page, through a 429 and a THROTTLED answer), and every webhook
 * topic replayed from recorded-shape fixtures.
 */
@BeaconIntegrationTest
class ShopifyIntegrationTests {

	static final String GRAPHQL = "/shopify/admin/api/2025-07/graphql.json";

	static final String SECRET = "shpss_test_api_secret_1";

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

	@Autowired
	Clock clock;

	@Autowired
	SecretsCipher cipher;

	@Autowired
	PlatformSync sync;

	@Autowired
	Connections connections;

	@Autowired
	ConsoleUserManagement users;

	ProvisionedStore store;

	String shop;

	String token;

	@BeforeEach
	void store() {
		this.store = this.stores.provision(new NewStore("Demo Goods", TestStores.uniqueSlug("goods"), null, null));
		this.shop = this.store.store().getSlug() + ".myshopify.com";
		this.token = "shpat_" + UUID.randomUUID().toString().replace("-", "");
		WireMock.configureFor(PlatformStub.server().port());
		PlatformStub.shopifyAccepts(this.shop, this.token);
		PlatformStub.server()
			.stubFor(post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("webhookSubscriptionCreate"))
				.willReturn(json(PlatformStub.fixtureText("shopify/subscribe-ok.json"))));
	}

	@Test
	void connectSubscribesEveryTopicAndBackfillsEveryPageThroughA429AndThrottling() throws Exception {
		String scenario = "backfill-" + this.token;
		PlatformStub.server()
			.stubFor(backfill().inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("throttled"));
		PlatformStub.server()
			.stubFor(backfill().inScenario(scenario)
				.whenScenarioStateIs("throttled")
				.willReturn(json(PlatformStub.fixtureText("shopify/throttled.json")))
				.willSetStateTo("page1"));
		PlatformStub.server()
			.stubFor(backfill().inScenario(scenario)
				.whenScenarioStateIs("page1")
				.willReturn(json(PlatformStub.fixtureText("shopify/backfill-page-1.json")))
				.willSetStateTo("page2"));
		PlatformStub.server()
			.stubFor(backfill().inScenario(scenario)
				.whenScenarioStateIs("page2")
				.withRequestBody(containing("Y3Vyc29yOnBhZ2Ux"))
				.willReturn(json(PlatformStub.fixtureText("shopify/backfill-page-2.json")))
				.willSetStateTo("done"));

		connect().andExpect(status().isOk())
			.andExpect(jsonPath("$.platform").value("shopify"))
			.andExpect(jsonPath("$.account").value(this.shop))
			.andExpect(jsonPath("$.mode").value("custom"))
			.andExpect(jsonPath("$.backfillDays").value(60))
			.andExpect(jsonPath("$.writeBack").value(false))
			.andExpect(jsonPath("$.confirmOrders").value(false))
			.andExpect(jsonPath("$.accessToken").doesNotExist())
			.andExpect(jsonPath("$.apiSecret").doesNotExist());
		JsonNode view = awaitBackfill();

		assertThat(view.path("backfill").path("status").asString()).isEqualTo("done");
		assertThat(view.path("backfill").path("imported").asInt()).isEqualTo(3);
		assertThat(view.path("backfill").path("pages").asInt()).isEqualTo(2);
		assertThat(view.path("webhooks").path("status").asString()).isEqualTo("active");
		assertThat(view.toString()).doesNotContain(this.token).doesNotContain(SECRET);

		List<LoggedRequest> subscriptions = PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("webhookSubscriptionCreate")));
		assertThat(subscriptions.stream()
			.map((r) -> this.json.readTree(r.getBodyAsString()).path("variables").path("topic").asString())
			.toList()).containsExactly("ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "FULFILLMENTS_CREATE",
					"FULFILLMENTS_UPDATE", "FULFILLMENT_EVENTS_CREATE", "APP_UNINSTALLED");
		assertThat(this.json.readTree(subscriptions.get(0).getBodyAsString()).path("variables").path("url").asString())
			.isEqualTo("https://track.example.test/webhooks/shopify");
		// sent with a Content-Length, not chunked (not every shop's server takes chunked)
		assertThat(subscriptions.get(0).getHeader("Content-Length"))
			.isEqualTo(Integer.toString(subscriptions.get(0).getBody().length));
		assertThat(subscriptions.get(0).containsHeader("Transfer-Encoding")).isFalse();
		List<LoggedRequest> pages = PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("query Backfill")));
		assertThat(pages).hasSize(4);
		String since = this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(60).toString();
		assertThat(this.json.readTree(pages.get(3).getBodyAsString()).path("variables").path("q").asString())
			.isEqualTo("created_at:>=" + since);

		Order first = this.orders.find(storeId(), "1001").orElseThrow();
		assertThat(first.getPlacedAt()).isEqualTo(Instant.parse("2026-11-02T16:20:00Z"));
		assertThat(first.getCustomer().name()).isEqualTo("Ivo Petrov");
		assertThat(first.getCustomer().email()).isEqualTo("ivo.petrov@example.org");
		assertThat(first.getCustomer().locale()).isEqualTo("en");
		assertThat(first.getDestination().city()).isEqualTo("Austin");
		assertThat(first.getDestination().postalCode()).isEqualTo("78701");
		List<ShipmentView> parcels = this.shipments.ofOrder(first.getId());
		assertThat(parcels).extracting(ShipmentView::carrier, ShipmentView::trackingNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("usps", "9400111899223100000011"));
		Order second = this.orders.find(storeId(), "1002").orElseThrow();
		assertThat(second.getDestination().country()).isEqualTo("GB");
		assertThat(second.getCustomer().locale()).isEqualTo("en-GB");
		assertThat(this.orders.find(storeId(), "1003")).isPresent();
		assertThat(itemsOf(first.getId())).containsExactly("TOTE-SAND|Canvas tote|1");
	}

	@Test
	void aSecondStoreCannotClaimAConnectedShopAndIsNotToldWhoHasIt() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		ProvisionedStore other = this.stores
			.provision(new NewStore("Other", TestStores.uniqueSlug("other"), null, null));
		this.mvc
			.perform(as(other, put("/api/v1/integrations/shopify"))
				.content("{\"shopDomain\":\"" + this.shop + "\",\"accessToken\":\"shpat_x\",\"apiSecret\":\"s\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("this shopify account is already connected to another Beacon store"));
		awaitBackfill();
	}

	/**
	 * A store cannot claim a shop with made-up credentials before its owner connects it:
	 * Shopify must accept the access token for that shop (shop.json answered as the shop)
	 * or nothing is stored (422), and the owner connects afterwards.
	 */
	@Test
	void aShopIsClaimedOnlyWithAnAccessTokenShopifyAcceptsForIt() throws Exception {
		emptyBackfill();
		PlatformStub.server()
			.stubFor(WireMock.get(urlEqualTo(PlatformStub.SHOPIFY_SHOP))
				.atPriority(10)
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody(
							"{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));
		ProvisionedStore squatter = this.stores
			.provision(new NewStore("Squatter", TestStores.uniqueSlug("squat"), null, null));
		this.mvc
			.perform(as(squatter, put("/api/v1/integrations/shopify"))
				.content("{\"shopDomain\":\"" + this.shop + "\",\"accessToken\":\"shpat_madeup\",\"apiSecret\":\"s\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("Credentials not accepted"))
			.andExpect(
					jsonPath("$.detail").value("accessToken not accepted: Shopify answered HTTP 401 for " + this.shop));
		// a token of another shop does not claim this one either
		String otherShopsToken = "shpat_other_" + this.token;
		PlatformStub.shopifyAccepts("another-" + this.shop, otherShopsToken);
		this.mvc
			.perform(as(squatter, put("/api/v1/integrations/shopify")).content("{\"shopDomain\":\"" + this.shop
					+ "\",\"accessToken\":\"" + otherShopsToken + "\",\"apiSecret\":\"s\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("accessToken not accepted: Shopify did not answer as the shop " + this.shop));
		assertThat(count("select count(*) from platform_connections where account = ?", this.shop)).isZero();

		connect().andExpect(status().isOk()).andExpect(jsonPath("$.credentials.status").value("readable"));
		awaitBackfill();
		List<LoggedRequest> checks = PlatformStub.server()
			.findAll(WireMock.getRequestedFor(urlEqualTo(PlatformStub.SHOPIFY_SHOP))
				.withHeader("X-Shopify-Access-Token", equalTo(this.token)));
		assertThat(checks).hasSize(1);
	}

	/**
	 * A claim stored before credentials were verified (made up, before the owner came)
	 * does not hold the shop: the owner's verified connect takes it over, and the shop's
	 * webhooks then go to the owner's store.
	 */
	@Test
	void anUnverifiedClaimOfAnotherStoreGivesWayToTheOwnersVerifiedConnect() throws Exception {
		emptyBackfill();
		ProvisionedStore squatter = this.stores
			.provision(new NewStore("Squatter", TestStores.uniqueSlug("squat"), null, null));
		this.jdbc.update("""
				insert into platform_connections (id, store_id, platform, account, token, signing_secret, mode,
				  connected_at, updated_at)
				values (?, ?, 'shopify', ?, ?, ?, 'custom', now(), now())""", UUID.randomUUID(),
				squatter.store().getId(), this.shop, this.cipher.encrypt("shpat_madeup"), this.cipher.encrypt(SECRET));

		connect().andExpect(status().isOk()).andExpect(jsonPath("$.account").value(this.shop));
		awaitBackfill();
		assertThat(this.jdbc.queryForList("select store_id from platform_connections where account = ?", UUID.class,
				this.shop))
			.containsExactly(storeId());
		deliver("orders/create", "w-owner-1-" + this.token, "shopify/orders-create.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		assertThat(this.orders.find(storeId(), "1042")).isPresent();
		assertThat(this.orders.find(squatter.store().getId(), "1042")).isEmpty();
	}

	/**
	 * The same connect twice (a double submit) is one connection: the second answers it
	 * as it is, without a second check, subscription or backfill, and without a
	 * misleading refusal.
	 */
	@Test
	void theSameConnectTwiceIsOneConnection() throws Exception {
		emptyBackfill();
		String first = connect().andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode done = awaitBackfill();
		connect().andExpect(status().isOk())
			.andExpect(jsonPath("$.connectedAt").value(this.json.readTree(first).path("connectedAt").asString()))
			.andExpect(jsonPath("$.backfill.status").value("done"))
			.andExpect(jsonPath("$.webhooks.status").value("active"))
			.andExpect(jsonPath("$.webhooks.attempts").value(done.path("webhooks").path("attempts").asInt()));
		assertThat(PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("webhookSubscriptionCreate"))))
			.hasSize(7);
		assertThat(PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("query Backfill"))))
			.hasSize(1);
		assertThat(PlatformStub.server()
			.findAll(WireMock.getRequestedFor(urlEqualTo(PlatformStub.SHOPIFY_SHOP))
				.withHeader("X-Shopify-Access-Token", equalTo(this.token))))
			.hasSize(1);
		assertThat(count("select count(*) from platform_connections where store_id = ?", storeId())).isEqualTo(1);
	}

	/**
	 * After beacon.secrets.key changed, the stored credentials cannot be decrypted: the
	 * API and the console show the connection with its credentials unreadable (never a
	 * 500), a sync of it fails and says so, and reconnecting repairs it.
	 */
	@Test
	void credentialsSealedWithAnotherKeyShowAsUnreadableAndTheirSyncFailsVisibly() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();
		SecretsCipher oldKey = new SecretsCipher(this.jdbc, "the-key-before-it-was-changed-0123", false, this.clock);
		this.jdbc.update(
				"update platform_connections set token = ?, signing_secret = ?, subscription_status = 'failed' where store_id = ?",
				oldKey.encrypt(this.token), oldKey.encrypt(SECRET), storeId());

		this.mvc.perform(as(this.store, get("/api/v1/integrations/shopify")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.account").value(this.shop))
			.andExpect(jsonPath("$.credentials.status").value("unreadable"))
			.andExpect(jsonPath("$.credentials.error").value("credentials unreadable: reconnect"));
		ConsolePrincipal admin = ConsolePrincipal.of(this.users.createUser(TestStores.uniqueSlug("admin"), "Admin",
				"long enough password", Role.ADMIN, java.util.Set.of(storeId())));
		String section = this.mvc.perform(get("/console/admin/stores/" + storeId() + "/integrations").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher state = java.util.regex.Pattern
			.compile("<td class=\"state\">.*?<span class=\"last-error\">([^<]*)</span>", java.util.regex.Pattern.DOTALL)
			.matcher(section);
		assertThat(state.find()).isTrue();
		assertThat(state.group(1)).isEqualTo("credentials unreadable: reconnect");

		Connection unreadable = this.connections.find(storeId(), Connection.SHOPIFY).orElseThrow();
		this.sync.subscribe(unreadable);
		this.sync.backfill(unreadable);
		this.mvc.perform(as(this.store, get("/api/v1/integrations/shopify")))
			.andExpect(jsonPath("$.webhooks.status").value("failed"))
			.andExpect(jsonPath("$.webhooks.error").value("credentials unreadable: reconnect"))
			.andExpect(jsonPath("$.backfill.status").value("failed"))
			.andExpect(jsonPath("$.backfill.error").value("credentials unreadable: reconnect"));
		// a webhook signed with the secret Beacon can no longer read is refused, not a
		// 500
		deliver("orders/create", "w-unreadable-" + this.token, "shopify/orders-create.json")
			.andExpect(status().isUnauthorized());

		connect().andExpect(status().isOk()).andExpect(jsonPath("$.credentials.status").value("readable"));
		assertThat(awaitBackfill().path("webhooks").path("status").asString()).isEqualTo("active");
	}

	/**
	 * A shop domain longer than a DNS label allows is refused naming the field (it was
	 * stored as is and overflowed the column: a 500), and nothing is connected.
	 */
	@Test
	void anOverlongShopDomainIsA400NamingTheField() throws Exception {
		String shop = "s" + "x".repeat(300) + ".myshopify.com";
		this.mvc
			.perform(as(this.store, put("/api/v1/integrations/shopify"))
				.content("{\"shopDomain\":\"" + shop + "\",\"accessToken\":\"shpat_x\",\"apiSecret\":\"s\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("shopDomain must be the shop's myshopify domain, such as acme.myshopify.com"));
		assertThat(count("select count(*) from platform_connections where store_id = ?", storeId())).isZero();
	}

	@Test
	void everyTopicChangesExactlyWhatItShould() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();

		deliver("orders/create", "w-create-1", "shopify/orders-create.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		Order order = this.orders.find(storeId(), "1042").orElseThrow();
		assertThat(order.getPlacedAt()).isEqualTo(Instant.parse("2026-11-28T19:05:12Z"));
		assertThat(order.getCustomer().name()).isEqualTo("Mara Lindqvist");
		assertThat(order.getCustomer().email()).isEqualTo("mara.lindqvist@example.net");
		assertThat(order.getCustomer().phone()).isEqualTo("+1 503 555 0142");
		assertThat(order.getCustomer().locale()).isEqualTo("es");
		assertThat(order.getDestination().postalCode()).isEqualTo("97214");
		assertThat(order.getDestination().city()).isEqualTo("Portland");
		assertThat(order.getDestination().region()).isEqualTo("OR");
		assertThat(order.getDestination().country()).isEqualTo("US");
		assertThat(itemsOf(order.getId())).containsExactly("MUG-TRAIL-SL|Trail mug|2", "PIN-SET-3|Enamel pin set|1");

		deliver("orders/create", "w-create-1", "shopify/orders-create.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("duplicate"));
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isEqualTo(1);

		deliver("fulfillments/create", "w-ful-1", "shopify/fulfillments-create.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		List<ShipmentView> parcels = this.shipments.ofOrder(order.getId());
		assertThat(parcels).extracting(ShipmentView::carrier, ShipmentView::trackingNumber)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ups", "1Z999AA10123456784"));
		assertThat(parcels.get(0).shippedAt()).isEqualTo(Instant.parse("2026-11-29T15:15:00Z"));

		deliver("fulfillment_events/create", "w-ev-1", "shopify/fulfillment-events-create.json")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		ShipmentView moved = this.shipments.ofOrder(order.getId()).get(0);
		assertThat(moved.events()).extracting((e) -> e.rawCode()).contains("SH_in_transit");
		deliver("fulfillment_events/create", "w-ev-1", "shopify/fulfillment-events-create.json")
			.andExpect(jsonPath("$.result").value("duplicate"));
		assertThat(count("select count(*) from tracking_events where shipment_id = ?", moved.id())).isEqualTo(1);

		assertThat(count("select count(*) from notify_messages where order_id = ? and trigger = 'ORDER_CONFIRMED'",
				order.getId()))
			.isZero();

		deliver("orders/updated", "w-upd-1", "shopify/orders-updated.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		Order updated = this.orders.find(storeId(), "1042").orElseThrow();
		assertThat(updated.getCustomer().email()).isEqualTo("mara.l@example.net");
		assertThat(updated.getDestination().city()).isEqualTo("Beaverton");
		assertThat(updated.getDestination().postalCode()).isEqualTo("97005");
		assertThat(updated.getCustomer().name()).isEqualTo("Mara Lindqvist");
		deliver("orders/create", "w-create-late", "shopify/orders-create.json").andExpect(status().isOk());
		assertThat(this.orders.find(storeId(), "1042").orElseThrow().getDestination().city())
			.as("an older payload delivered late changes nothing")
			.isEqualTo("Beaverton");

		deliver("orders/cancelled", "w-cancel-1", "shopify/orders-cancelled.json").andExpect(status().isOk());
		assertThat(this.orders.find(storeId(), "1042").orElseThrow().isCancelled()).isTrue();
		assertThat(
				this.jdbc.queryForObject("select cancel_source from orders where id = ?", String.class, order.getId()))
			.isEqualTo("shopify");

		deliver("customers/data_request", "w-dr-1", "shopify/customers-data-request.json").andExpect(status().isOk());
		deliver("customers/redact", "w-redact-1", "shopify/customers-redact.json").andExpect(status().isOk());
		Order erased = this.orders.find(storeId(), "1042").orElseThrow();
		assertThat(erased.getCustomer().name()).isNull();
		assertThat(erased.getCustomer().email()).isNull();
		assertThat(erased.getCustomer().phone()).isNull();
		assertThat(this.jdbc.queryForObject("select personal_data_erased_at is not null from orders where id = ?",
				Boolean.class, order.getId()))
			.isTrue();
		deliver("app/uninstalled", "w-un-1", "shopify/app-uninstalled.json").andExpect(status().isOk());
		this.mvc.perform(as(this.store, get("/api/v1/integrations/shopify"))).andExpect(status().isNotFound());
		deliver("orders/create", "w-after-uninstall", "shopify/orders-updated.json").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.result").value("ignored"));
		deliver("shop/redact", "w-redact-shop", "shopify/shop-redact.json").andExpect(status().isOk());
		assertThat(count("select count(*) from platform_connections where store_id = ?", storeId())).isZero();
	}

	@Test
	void overLongTextFromTheShopIsCutToItsColumnAndTheOrderIsApplied() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();
		String title = "Trail mug, " + "enamelled steel ".repeat(25); // 411
		String sku = "MUG-TRAIL-SL-" + "7".repeat(87); // 100
		String first = "Mara" + "a".repeat(146); // 150
		String last = "Lindqvist" + "q".repeat(141);
		String city = "Portland-" + "Hawthorne District ".repeat(8); // 161
		String province = "OR-" + "Multnomah ".repeat(13); // 133
		String zip = "97214-" + "0".repeat(24); // 30
		String company = "Rose City Bike Couriers " + "Same Day ".repeat(15); // 159
		tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) this.json
			.readTree(PlatformStub.fixture("shopify/orders-create.json"));
		((tools.jackson.databind.node.ObjectNode) o.get("line_items").get(0)).put("title", title).put("sku", sku);
		((tools.jackson.databind.node.ObjectNode) o.get("customer")).put("first_name", first).put("last_name", last);
		((tools.jackson.databind.node.ObjectNode) o.get("shipping_address")).put("city", city)
			.put("province_code", province)
			.put("zip", zip);
		deliver("orders/create", "w-long-1", this.json.writeValueAsBytes(o)).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		Order order = this.orders.find(storeId(), "1042").orElseThrow();
		assertThat(itemsOf(order.getId())).containsExactly(sku.substring(0, 64) + "|" + title.substring(0, 300) + "|2",
				"PIN-SET-3|Enamel pin set|1");
		assertThat(order.getCustomer().name()).isEqualTo((first + " " + last).substring(0, 200));
		assertThat(order.getDestination().city()).isEqualTo(city.substring(0, 120));
		assertThat(order.getDestination().region()).isEqualTo(province.substring(0, 120));
		assertThat(order.getDestination().postalCode()).isEqualTo(zip.substring(0, 20));

		tools.jackson.databind.node.ObjectNode f = (tools.jackson.databind.node.ObjectNode) this.json
			.readTree(PlatformStub.fixture("shopify/fulfillments-create.json"));
		f.put("tracking_company", company);
		deliver("fulfillments/create", "w-long-2", this.json.writeValueAsBytes(f)).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		assertThat(this.shipments.ofOrder(order.getId()))
			.extracting(ShipmentView::carrier, ShipmentView::carrierName, ShipmentView::trackingNumber)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("other", company.substring(0, 120), "1Z999AA10123456784"));
		// applied once, never failed: the same deliveries again are repeats
		deliver("orders/create", "w-long-1", this.json.writeValueAsBytes(o))
			.andExpect(jsonPath("$.result").value("duplicate"));
		deliver("fulfillments/create", "w-long-2", this.json.writeValueAsBytes(f))
			.andExpect(jsonPath("$.result").value("duplicate"));
	}

	@Test
	void aStoreCanTurnBeaconsOrderConfirmationOnForPlatformOrders() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();
		this.mvc.perform(as(this.store, patch("/api/v1/integrations/shopify")).content("{\"confirmOrders\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confirmOrders").value(true));
		deliver("orders/create", "w-conf-1", "shopify/orders-create.json").andExpect(status().isOk());
		Order order = this.orders.find(storeId(), "1042").orElseThrow();
		assertThat(count("select count(*) from notify_messages where order_id = ? and trigger = 'ORDER_CONFIRMED'",
				order.getId()))
			.isPositive();
	}

	@Test
	void aBadSignatureIsRefusedAndWritesNothing() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();
		byte[] body = PlatformStub.fixture("shopify/orders-create.json");
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/shopify")
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Shopify-Topic", "orders/create")
				.header("X-Shopify-Shop-Domain", this.shop)
				.header("X-Shopify-Webhook-Id", "w-bad-1")
				.header("X-Shopify-Hmac-Sha256", PlatformStub.sign("not-the-secret", body))
				.content(body))
			.andExpect(status().isUnauthorized());
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isZero();
		assertThat(count("select count(*) from platform_webhook_deliveries where delivery_id = ?", "w-bad-1")).isZero();
		deliver("orders/create", "w-bad-1", "shopify/orders-create.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
	}

	/**
	 * The webhook id is the de-duplication key (a 255-character column): a longer one,
	 * even signed, is a 400 that writes nothing, never a 500.
	 */
	@Test
	void anOverlongWebhookIdIsA400() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();
		deliver("orders/create", "w" + "x".repeat(255), "shopify/orders-create.json").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Malformed delivery"))
			.andExpect(jsonPath("$.detail").value("X-Shopify-Webhook-Id must be at most 255 characters"));
		assertThat(count("select count(*) from orders where store_id = ?", storeId())).isZero();
		deliver("orders/create", "w" + "x".repeat(254), "shopify/orders-create.json").andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
	}

	@Test
	void disconnectForgetsTheCredentials() throws Exception {
		emptyBackfill();
		connect().andExpect(status().isOk());
		awaitBackfill();
		this.mvc.perform(as(this.store, delete("/api/v1/integrations/shopify"))).andExpect(status().isNoContent());
		this.mvc.perform(as(this.store, get("/api/v1/integrations/shopify"))).andExpect(status().isNotFound());
		assertThat(count("select count(*) from platform_connections where store_id = ?", storeId())).isZero();
	}

	private ResultActions connect() throws Exception {
		return this.mvc.perform(as(this.store, put("/api/v1/integrations/shopify")).content(this.json
			.writeValueAsString(Map.of("shopDomain", this.shop, "accessToken", this.token, "apiSecret", SECRET))));
	}

	private ResultActions deliver(String topic, String webhookId, String fixture) throws Exception {
		return deliver(topic, webhookId, PlatformStub.fixture(fixture));
	}

	private ResultActions deliver(String topic, String webhookId, byte[] body) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/shopify")
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Shopify-Topic", topic)
				.header("X-Shopify-Shop-Domain", this.shop)
				.header("X-Shopify-Webhook-Id", webhookId)
				.header("X-Shopify-API-Version", "2025-07")
				.header("X-Shopify-Hmac-Sha256", PlatformStub.sign(SECRET, body))
				.content(body));
	}

	private com.github.tomakehurst.wiremock.client.MappingBuilder backfill() {
		return post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
			.withRequestBody(containing("query Backfill"));
	}

	private void emptyBackfill() {
		PlatformStub.server()
			.stubFor(backfill().willReturn(json(
					"{\"data\":{\"orders\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null},\"nodes\":[]}}}")));
	}

	private JsonNode awaitBackfill() throws Exception {
		for (int i = 0; i < 300; i++) {
			String body = this.mvc.perform(as(this.store, get("/api/v1/integrations/shopify")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			JsonNode view = this.json.readTree(body);
			String state = view.path("backfill").path("status").asString();
			String webhooks = view.path("webhooks").path("status").asString();
			// subscription and backfill run side by side: wait for both
			if ((state.equals("done") || state.equals("failed")) && !webhooks.equals("pending")) {
				return view;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the backfill did not finish");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	private MockHttpServletRequestBuilder as(ProvisionedStore s, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + s.apiKey())
			.contentType(MediaType.APPLICATION_JSON);
	}

	private UUID storeId() {
		return this.store.store().getId();
	}

	private List<String> itemsOf(UUID orderId) {
		return this.jdbc.queryForList(
				"select coalesce(sku, '') || '|' || name || '|' || quantity from order_items where order_id = ? order by position",
				String.class, orderId);
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

}
