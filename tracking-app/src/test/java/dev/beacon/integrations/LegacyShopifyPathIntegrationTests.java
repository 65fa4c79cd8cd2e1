package dev.beacon.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /webhooks/carriers/shopify}, where the carriers module took Shopify fulfillment
 * webhooks before, is an alias of {@code /webhooks/shopify}: a shop connected there
 * ({@code carrier_webhook_sources}) is migrated into the platform connections (V610,
 * replayed here on a row written after start) and its deliveries are verified,
 * de-duplicated and applied exactly as on the new path.
 */
@BeaconIntegrationTest
class LegacyShopifyPathIntegrationTests {

	static final String SECRET = "shpss_legacy_secret_1";

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	Connections connections;

	@Autowired
	JdbcTemplate jdbc;

	Store store;

	String shop;

	Order order;

	@BeforeEach
	void legacyShop() throws IOException {
		this.store = this.stores.provision(new NewStore("Legacy", TestStores.uniqueSlug("legacy"), null, null)).store();
		this.shop = this.store.getSlug() + ".myshopify.com";
		// created through the API before the shop was connected, as legacy stores did
		this.order = this.orders.place(this.store.getId(), new PlaceOrder("1042", Instant.parse("2026-11-28T19:05:12Z"),
				new Customer("Mara Lindqvist", "mara@example.net", null, null), null, null, null, List.of(), false));
		this.jdbc.update("""
				insert into carrier_webhook_sources (id, store_id, source, account, secret, created_at)
				values (?, ?, 'shopify', ?, ?, now())""", UUID.randomUUID(), this.store.getId(), this.shop, SECRET);
		try (InputStream in = getClass()
			.getResourceAsStream("/db/migration/integrations/V610__shopify_sources_become_connections.sql")) {
			this.jdbc.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	@Test
	void theMigratedShopIsAWebhooksOnlyConnectionAndTheOldRowStaysReadable() {
		assertThat(this.jdbc.queryForList("""
				select platform || ' ' || account || ' ' || mode || ' ' || active || ' ' || subscription_status
				from platform_connections where store_id = ?""", String.class, this.store.getId()))
			.containsExactly("shopify " + this.shop + " webhooks true none");
		assertThat(this.connections.find(this.store.getId(), Connection.SHOPIFY).orElseThrow().signingSecret())
			.isEqualTo(SECRET);
		assertThat(this.jdbc.queryForObject("select secret from carrier_webhook_sources where account = ?",
				String.class, this.shop))
			.isEqualTo(SECRET);
	}

	@Test
	void aSignedFulfillmentOnTheOldPathCreatesTheShipmentAsTheNewPathDoesAndABadSignatureWritesNothing()
			throws Exception {
		deliver("/webhooks/carriers/shopify", "fulfillments/create", "legacy-ful-1", "shopify/fulfillments-create.json",
				"not-the-secret")
			.andExpect(status().isUnauthorized());
		assertThat(this.shipments.ofOrder(this.order.getId())).isEmpty();
		assertThat(count("select count(*) from platform_webhook_deliveries where store_id = ?")).isZero();

		deliver("/webhooks/carriers/shopify", "fulfillments/create", "legacy-ful-1", "shopify/fulfillments-create.json",
				SECRET)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		List<ShipmentView> parcels = this.shipments.ofOrder(this.order.getId());
		assertThat(parcels).extracting(ShipmentView::carrier, ShipmentView::trackingNumber, ShipmentView::shippedAt)
			.containsExactly(tuple("ups", "1Z999AA10123456784", Instant.parse("2026-11-29T15:15:00Z")));
		assertThat(this.jdbc.queryForList(
				"select fulfillment_id from platform_fulfillments where store_id = ? and platform = 'shopify'",
				String.class, this.store.getId()))
			.containsExactly("5330011223");

		// one de-duplication for both paths
		deliver("/webhooks/shopify", "fulfillments/create", "legacy-ful-1", "shopify/fulfillments-create.json", SECRET)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("duplicate"));

		// sealed at start once a key is set; verification is unchanged
		assertThat(this.connections.sealLegacyCredentials()).isPositive();
		assertThat(this.jdbc.queryForObject("select signing_secret from platform_connections where store_id = ?",
				String.class, this.store.getId()))
			.startsWith("v1:");
		deliver("/webhooks/carriers/shopify", "fulfillment_events/create", "legacy-ev-1",
				"shopify/fulfillment-events-create.json", SECRET)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		assertThat(this.shipments.ofOrder(this.order.getId()).get(0).events()).extracting((e) -> e.rawCode())
			.containsExactly("SH_in_transit");
	}

	private ResultActions deliver(String path, String topic, String webhookId, String fixture, String secret)
			throws Exception {
		byte[] body = PlatformStub.fixture(fixture);
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.header("X-Shopify-Topic", topic)
			.header("X-Shopify-Shop-Domain", this.shop)
			.header("X-Shopify-Webhook-Id", webhookId + "-" + this.store.getSlug())
			.header("X-Shopify-Hmac-Sha256", PlatformStub.sign(secret, body))
			.content(body));
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class, this.store.getId());
	}

}
