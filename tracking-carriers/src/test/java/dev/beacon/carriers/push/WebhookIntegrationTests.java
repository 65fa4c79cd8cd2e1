package dev.beacon.carriers.push;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.carriers.CarrierManagement;
import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;
import dev.beacon.store.StoreManagement;

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

	@BeforeEach
	void setUp() {
		this.storeId = CarriersTestSupport.store(this.stores, "hooks");
		CarriersTestSupport.order(this.orders, this.storeId, "S-100");
	}

	private int eventCount(UUID shipmentId) {
		return this.jdbc.queryForObject("select count(*) from tracking_events where shipment_id = ?", Integer.class,
				shipmentId);
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
		String path = this.carriers.connectEasyPost(this.storeId, "ep-secret");
		byte[] raw = "[not an object".getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.header("X-Hmac-Signature", Signatures.easyPostHeader("ep-secret", raw))
				.content(raw))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
