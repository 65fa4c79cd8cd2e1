package dev.beacon.carriers.easypost;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.carriers.CarrierManagement;
import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.StoreManagement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** EasyPost as an active source: Beacon creates the trackers, once per number. */
class EasyPostTrackersIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	CarrierManagement carriers;

	@Autowired
	EasyPostTrackers trackers;

	UUID storeId;

	@BeforeEach
	void setUp() {
		EASYPOST.resetAll();
		EASYPOST.stubFor(post(urlEqualTo("/v2/trackers")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"trk_1\",\"object\":\"Tracker\",\"status\":\"unknown\"}")));
		this.storeId = CarriersTestSupport.store(this.stores, "ep");
		CarriersTestSupport.order(this.orders, this.storeId, "E-1");
		this.carriers.connectEasyPost(this.storeId, "ep-secret");
	}

	@Test
	void aTrackerIsCreatedOnceForAShipmentOfAConnectedStore() {
		String number = "70" + String.format("%014d",
				Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000_000_000L));
		ShipmentView s = this.shipments.register(this.storeId, "E-1",
				new RegisterShipment(number, "canadapost", null, null));

		this.trackers.tick();
		this.trackers.tick();

		String auth = "Basic " + Base64.getEncoder().encodeToString("EZTK-it:".getBytes(StandardCharsets.UTF_8));
		EASYPOST.verify(1,
				postRequestedFor(urlEqualTo("/v2/trackers")).withHeader("Authorization", equalTo(auth))
					.withRequestBody(matchingJsonPath("$.tracker.tracking_code", equalTo(number)))
					.withRequestBody(matchingJsonPath("$.tracker.carrier", equalTo("CanadaPost"))));
		assertThat(this.shipments.byId(s.id()).orElseThrow().source()).isEqualTo("easypost");
	}

}
