package dev.beacon.carriers.push;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.beacon.carriers.CarrierManagement;
import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class WebhookIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	CarrierManagement carriers;

	@Autowired
	JdbcTemplate jdbc;

	UUID storeId;

	String shop;

	@BeforeEach
	void setUp() {
		this.storeId = CarriersTestSupport.store(this.stores, "hooks");
		CarriersTestSupport.order(this.orders, this.storeId, "S-100");
		this.shop = TestStores.uniqueSlug("shop") + ".myshopify.com";
		this.carriers.connectShopify(this.storeId, this.shop, "shop-secret");
	}

	private ResultActions shopify(String topic, String body, String secret, String eventId) throws Exception {
		byte[] raw = body.getBytes(StandardCharsets.UTF_8);
		return this.mvc.perform(post("/webhooks/carriers/shopify").contentType(MediaType.APPLICATION_JSON)
			.header("X-Shopify-Topic", topic)
			.header("X-Shopify-Shop-Domain", this.shop)
			.header("X-Shopify-Event-Id", eventId)
			.header("X-Shopify-Hmac-Sha256", Signatures.shopifyHeader(secret, raw))
			.content(raw));
	}

	private int eventCount(UUID shipmentId) {
		return this.jdbc.queryForObject("select count(*) from tracking_events where shipment_id = ?", Integer.class,
				shipmentId);
	}

	@Test
	void aShopifyFulfillmentRegistersTheShipmentAndARepeatChangesNothing() throws Exception {
		String body = fixture("shopify/fulfillment-create.json");
		String eventId = UUID.randomUUID().toString();
		shopify("fulfillments/create", body, "shop-secret", eventId).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("applied"));
		ShipmentView s = this.shipments.byTrackingNumber(this.storeId, "1Z410E7W0392751591").get(0);
		assertThat(s.carrier()).isEqualTo("ups");
		assertThat(s.milestone()).isEqualTo(Milestone.IN_TRANSIT);
		assertThat(s.lastPollOutcome()).isEqualTo(PollOutcome.PUSHED);
		assertThat(s.events()).extracting(ScanView::rawCode).containsExactly("SH_in_transit");
		var before = this.jdbc.queryForMap("select last_polled_at, version from shipments where id = ?", s.id());

		shopify("fulfillments/create", body, "shop-secret", eventId).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("duplicate"));
		assertThat(this.jdbc.queryForMap("select last_polled_at, version from shipments where id = ?", s.id()))
			.isEqualTo(before);
		assertThat(this.shipments.byTrackingNumber(this.storeId, "1Z410E7W0392751591")).hasSize(1);

		shopify("fulfillment_events/create", fixture("shopify/fulfillment-event.json"), "shop-secret",
				UUID.randomUUID().toString())
			.andExpect(status().isOk());
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(after.events().get(0).location().city()).isEqualTo("Memphis");
	}

	@Test
	void aBadShopifySignatureIs401AndWritesNothing() throws Exception {
		shopify("fulfillments/create", fixture("shopify/fulfillment-create.json"), "wrong-secret", "e-1")
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		assertThat(this.shipments.byTrackingNumber(this.storeId, "1Z410E7W0392751591")).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from carrier_webhook_deliveries where store_id = ?",
				Integer.class, this.storeId))
			.isZero();
	}

	@Test
	void anUnknownShopIs401() throws Exception {
		byte[] raw = fixture("shopify/fulfillment-create.json").getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(post("/webhooks/carriers/shopify").contentType(MediaType.APPLICATION_JSON)
				.header("X-Shopify-Topic", "fulfillments/create")
				.header("X-Shopify-Shop-Domain", "nobody.myshopify.com")
				.header("X-Shopify-Hmac-Sha256", Signatures.shopifyHeader("shop-secret", raw))
				.content(raw))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aShopCannotReachAnotherStoresOrders() throws Exception {
		UUID other = CarriersTestSupport.store(this.stores, "other");
		CarriersTestSupport.order(this.orders, other, "S-200");
		String body = fixture("shopify/fulfillment-create.json").replace("#S-100.1", "#S-200.1");
		shopify("fulfillments/create", body, "shop-secret", UUID.randomUUID().toString())
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.result").value("ignored"));
		assertThat(this.shipments.byTrackingNumber(other, "1Z410E7W0392751591")).isEmpty();
	}

	@Test
	void easyPostTrackerUpdatesMoveTheStoresShipment() throws Exception {
		String secret = "ep-secret";
		String path = this.carriers.connectEasyPost(this.storeId, secret);
		ShipmentView s = this.shipments.register(this.storeId, "S-100",
				new RegisterShipment("986578788855", "fedex", null, null));
		byte[] raw = fixture("easypost/tracker-updated.json").replace("evt_beacon_0001", "evt_" + UUID.randomUUID())
			.getBytes(StandardCharsets.UTF_8);

		this.mvc
			.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.header("X-Hmac-Signature", Signatures.easyPostHeader("not-the-secret", raw))
				.content(raw))
			.andExpect(status().isUnauthorized());
		assertThat(eventCount(s.id())).isZero();

		this.mvc
			.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.header("X-Hmac-Signature", Signatures.easyPostHeader(secret, raw))
				.content(raw))
			.andExpect(status().isOk());
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(after.events()).extracting(ScanView::rawCode)
			.containsExactly("EP_out_for_delivery", "EP_in_transit", "EP_pre_transit");
		assertThat(after.events()).extracting(ScanView::ruleId).first().isEqualTo("easypost-ofd");

		this.mvc
			.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.header("X-Hmac-Signature", Signatures.easyPostHeader(secret, raw))
				.content(raw))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("duplicate"));
		assertThat(eventCount(s.id())).isEqualTo(3);
	}

	@Test
	void aSignedButMalformedBodyIs400() throws Exception {
		shopify("fulfillments/create", "[not an object", "shop-secret", "x-1").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
