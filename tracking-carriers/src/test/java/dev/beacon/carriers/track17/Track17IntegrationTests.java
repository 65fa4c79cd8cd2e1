package dev.beacon.carriers.track17;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.store.StoreManagement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 17TRACK as an aggregator source against WireMock on the API's documented shapes:
 * registration (each number once, batches of at most 40), signed pushes, the
 * {@code gettrackinfo} fallback and {@code stoptrack} at delivery.
 */
class Track17IntegrationTests extends CarriersIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	Track17Source source;

	@Autowired
	JdbcTemplate jdbc;

	UUID storeId;

	String number;

	@BeforeEach
	void setUp() {
		TRACK17.resetAll();
		this.storeId = CarriersTestSupport.store(this.stores, "t17");
		CarriersTestSupport.order(this.orders, this.storeId, "R-1");
		this.number = s10("RR", UUID.randomUUID().getMostSignificantBits(), "GB");
		TRACK17.stubFor(post(urlEqualTo("/track/v2.2/register")).willReturn(
				json("""
						{"code":0,"data":{"accepted":[{"origin":2,"number":"%s","carrier":11031,"email":null,"tag":"t","lang":null}],
						 "rejected":[]}}"""
					.formatted(this.number))));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** A valid S10 number with this serial's last eight digits and country. */
	static String s10(String service, long seed, String country) {
		String eight = String.format("%08d", Math.floorMod(seed, 100_000_000L));
		int[] w = { 8, 6, 4, 2, 3, 5, 9, 7 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (eight.charAt(i) - '0') * w[i];
		}
		int c = 11 - sum % 11;
		return service + eight + ((c == 10) ? 0 : (c == 11) ? 5 : c) + country;
	}

	private ShipmentView ship() {
		return this.shipments.register(this.storeId, "R-1", new RegisterShipment(this.number, "royalmail", null, null));
	}

	private String push(String subStatus, String stage, String description, String time) {
		return """
				{"event":"TRACKING_UPDATED","data":{"number":"%1$s","carrier":11031,"param":null,"tag":"royalmail:%1$s",
				 "track_info":{"shipping_info":{"shipper_address":{"country":"GB"},"recipient_address":{"country":"US"}},
				  "latest_status":{"status":"%2$s","sub_status":"%2$s","sub_status_descr":null},
				  "latest_event":{"time_iso":"%4$s","time_utc":"%4$s","description":"%3$s","location":"LONDON",
				                  "stage":"%5$s","sub_status":"%2$s"},
				  "time_metrics":{},"milestone":[],"misc_info":{},
				  "tracking":{"providers_hash":1,"providers":[{"provider":{"key":11031,"name":"Royal Mail","country":"GB"},
				   "latest_sync_status":"Success","events_hash":2,"events":[
				    {"time_iso":"%4$s","time_utc":"%4$s","description":"%3$s","location":"LONDON","stage":"%5$s",
				     "sub_status":"%2$s","address":{"country":"GB","city":"London"}},
				    {"time_iso":"2026-03-01T09:00:00+00:00","time_utc":"2026-03-01T09:00:00Z",
				     "description":"Item received","location":"LONDON","stage":"PickedUp","sub_status":null,
				     "address":{"country":"GB","city":"London"}}]}]}}}}"""
			.formatted(this.number, subStatus, description, time, stage);
	}

	private ResultActions send(String body, String sign) throws Exception {
		return this.mvc.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/webhooks/carriers/17track")
					.contentType(MediaType.APPLICATION_JSON)
					.header("sign", sign)
					.content(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String signed(String body) {
		return Track17Webhook.sign(body.getBytes(StandardCharsets.UTF_8), TRACK17_KEY);
	}

	private int events(UUID shipmentId) {
		return this.jdbc.queryForObject("select count(*) from tracking_events where shipment_id = ?", Integer.class,
				shipmentId);
	}

	@Test
	void aNewShipmentIsRegisteredOnceWithItsCarrierKey() {
		ShipmentView first = ship();
		UUID otherStore = CarriersTestSupport.store(this.stores, "t17b");
		CarriersTestSupport.order(this.orders, otherStore, "R-2");
		ShipmentView second = this.shipments.register(otherStore, "R-2",
				new RegisterShipment(this.number, "royalmail", null, null));

		this.source.tick();
		this.source.tick();

		var requests = TRACK17.findAll(postRequestedFor(urlEqualTo("/track/v2.2/register"))
			.withRequestBody(matchingJsonPath("$[?(@.number == '" + this.number + "')]")));
		assertThat(requests).hasSize(1);
		LoggedRequest r = requests.get(0);
		assertThat(r.getHeader("17token")).isEqualTo(TRACK17_KEY);
		assertThat(r.getBodyAsString()).contains("{\"number\":\"" + this.number + "\",\"carrier\":11031,");
		for (LoggedRequest any : TRACK17.findAll(postRequestedFor(urlEqualTo("/track/v2.2/register")))) {
			assertThat(any.getBodyAsString().split("\"number\"")).hasSizeLessThanOrEqualTo(41);
		}
		assertThat(this.shipments.byId(first.id()).orElseThrow().source()).isEqualTo("17track");
		assertThat(this.shipments.byId(second.id()).orElseThrow().source()).isEqualTo("17track");
		assertThat(this.jdbc.queryForObject(
				"select state from source_registrations where source = '17track' and tracking_number = ?", String.class,
				this.number))
			.isEqualTo("REGISTERED");
	}

	@Test
	void aSignedPushIsAppliedAndABadSignatureWritesNothing() throws Exception {
		ShipmentView s = ship();
		this.source.tick();
		String body = push("AvailableForPickup_Other", "AvailableForPickup", "Ready for collection at Post Office",
				"2026-03-03T10:00:00Z");

		send(body, "0".repeat(64)).andExpect(status().isUnauthorized());
		send(body, "").andExpect(status().isUnauthorized());
		assertThat(events(s.id())).isZero();

		send(body, signed(body)).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("applied"));
		ShipmentView after = this.shipments.byId(s.id()).orElseThrow();
		assertThat(after.milestone()).isEqualTo(Milestone.AVAILABLE_FOR_PICKUP);
		assertThat(after.health()).isEqualTo(Health.ACTION_REQUIRED);
		assertThat(after.reason()).isEqualTo(Reason.HELD);
		assertThat(events(s.id())).isEqualTo(2);
		assertThat(this.jdbc.queryForList(
				"select rule_id from tracking_events where shipment_id = ? order by occurred_at", String.class, s.id()))
			.containsExactly("17t-stage-pickedup", "17t-pickup-point");
		send(body, signed(body).toUpperCase()).andExpect(status().isOk());
		assertThat(events(s.id())).isEqualTo(2);
	}

	@Test
	void deliveryStopsTrackingAndAQuietNumberIsFetched() throws Exception {
		ShipmentView s = ship();
		this.source.tick();
		TRACK17.stubFor(post(urlEqualTo("/track/v2.2/gettrackinfo")).willReturn(json("""
				{"code":0,"data":{"accepted":[%s],"rejected":[]}}"""
			.formatted(push("Delivered_Other", "Delivered", "Delivered", "2026-03-04T15:30:00Z")
				.replaceFirst("^\\{\"event\":\"TRACKING_UPDATED\",\"data\":", "")
				.replaceFirst("\\}\\s*$", "")))));
		TRACK17.stubFor(post(urlEqualTo("/track/v2.2/stoptrack")).willReturn(json("""
				{"code":0,"data":{"accepted":[{"number":"%s","carrier":11031}],"rejected":[]}}"""
			.formatted(this.number))));
		this.jdbc.update("update source_registrations set registered_at = now() - interval '2 days' "
				+ "where source = '17track' and tracking_number = ?", this.number);

		this.source.tick();
		assertThat(this.shipments.byId(s.id()).orElseThrow().milestone()).isEqualTo(Milestone.DELIVERED);
		TRACK17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo"))
			.withRequestBody(matchingJsonPath("$[0].number", equalTo(this.number))));

		this.source.tick();
		TRACK17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/stoptrack"))
			.withRequestBody(matchingJsonPath("$[?(@.number == '" + this.number + "')]")));
		assertThat(this.jdbc.queryForObject(
				"select state from source_registrations where source = '17track' and tracking_number = ?", String.class,
				this.number))
			.isEqualTo("STOPPED");
		this.source.tick();
		TRACK17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/stoptrack"))
			.withRequestBody(matchingJsonPath("$[?(@.number == '" + this.number + "')]")));
	}

	@Test
	void signaturesAreSha256OfTheRawBodyAndTheKey() {
		byte[] body = "{\"event\":\"TRACKING_STOPPED\"}".getBytes(StandardCharsets.UTF_8);
		// sha256('{"event":"TRACKING_STOPPED"}/k'), computed with sha256sum
		String expected = "921f1ea492973ad597ef0425b29292f216e247eb535c791d971b8f82cf2c32e4";
		assertThat(Track17Webhook.sign(body, "k")).isEqualTo(expected);
		assertThat(Track17Webhook.signed(body, "k", expected.toUpperCase())).isTrue();
		assertThat(Track17Webhook.signed(body, "other", expected)).isFalse();
	}

}
