package dev.beacon.carriers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.store.StoreManagement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class PollingPipelineIntegrationTests extends CarriersIntegrationTest {

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

	@Autowired
	CarrierMetrics metrics;

	UUID storeId;

	@BeforeEach
	void setUp() {
		this.storeId = CarriersTestSupport.store(this.stores, "pipeline");
		CarriersTestSupport.order(this.orders, this.storeId, "U-1");
		UPS.stubFor(post(urlEqualTo("/security/v1/oauth/token")).willReturn(okJson(fixture("ups/token.json"))));
	}

	@Test
	void upsScansAreStoredRawThenNormalizedAndAFailureKeepsThem() {
		String number = "1Z879E930346834440";
		String path = "/api/track/v1/details/" + number;
		UPS.stubFor(get(urlPathEqualTo(path))
			.willReturn(okJson(recent(fixture("ups/track-in-transit.json")).replace("1Z5R89390357567127", number))));
		ShipmentView s = this.shipments.register(this.storeId, "U-1", new RegisterShipment(number, null, null, null));
		assertThat(s.carrier()).isEqualTo("ups");

		ShipmentView polled = this.shipments.refresh(this.storeId, s.id());
		assertThat(polled.lastPollOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(polled.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(polled.events()).extracting(ScanView::rawCode).containsExactly("021", "005", "003");
		assertThat(polled.events()).extracting(ScanView::ruleId).containsExactly("ups-021", "ups-005", "ups-003");
		assertThat(polled.events().get(1).rawPayload()).contains("Departed from Facility");

		UPS.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("{oops")));
		ShipmentView broken = this.shipments.refresh(this.storeId, s.id());
		assertThat(broken.lastPollOutcome()).isEqualTo(PollOutcome.MALFORMED);
		assertThat(broken.events()).hasSize(3);
		assertThat(broken.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);

		UPS.stubFor(get(urlPathEqualTo(path))
			.willReturn(okJson(recent(fixture("ups/track-delivered.json")).replace("1Z5R89390357567127", number))));
		ShipmentView delivered = this.shipments.refresh(this.storeId, s.id());
		assertThat(delivered.milestone()).isEqualTo(Milestone.DELIVERED);
		assertThat(delivered.health()).isEqualTo(Health.ON_TRACK);
		assertThat(delivered.events()).hasSize(4);
		assertThat(this.metrics.registry().counter("beacon.carrier.requests", "carrier", "ups").count())
			.isGreaterThanOrEqualTo(3);
		assertThat(
				this.metrics.registry().counter("beacon.carrier.errors", "carrier", "ups", "kind", "malformed").count())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.metrics.registry().counter("beacon.carrier.scans.ingested", "carrier", "ups").count())
			.isGreaterThanOrEqualTo(4);
		assertThat(delivered.deliveredAt())
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(22, 30).toInstant(ZoneOffset.UTC));
	}

	/**
	 * Moves the fixture's March 2026 dates to the last few days (30 silent days expire).
	 */
	private static String recent(String json) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
		return json.replace("20260306", today.plusDays(1).format(f))
			.replace("20260305", today.minusDays(1).format(f))
			.replace("20260304", today.minusDays(2).format(f))
			.replace("20260302", today.minusDays(4).format(f));
	}

	@Test
	void unconfiguredCarriersAreNotPolledAndSaySo() {
		ShipmentView s = this.shipments.register(this.storeId, "U-1",
				new RegisterShipment("986578788855", "fedex", null, null));
		ShipmentView after = this.shipments.refresh(this.storeId, s.id());
		assertThat(after.lastPollOutcome()).isEqualTo(PollOutcome.NOT_CONFIGURED);
		List<CarrierStatus> status = this.carriers.status();
		assertThat(status).extracting(CarrierStatus::carrier)
			.containsExactly("ups", "fedex", "usps", "dhl", "sandbox", "canadapost");
		assertThat(status.get(0).configured()).isTrue();
		assertThat(status.get(0).circuitState()).isEqualTo("CLOSED");
		assertThat(status.get(1).configured()).isFalse();
		assertThat(status.get(1).note()).contains("beacon.carriers.fedex.client-id");
		assertThat(status.get(3).note()).contains("beacon.carriers.dhl.api-key");
	}

	@Test
	void detectionFindsCandidatesThroughCore() {
		assertThat(this.shipments.detect("1Z 5R89 3903 5756 7127").get(0).carrier()).isEqualTo("ups");
		assertThat(this.shipments.isKnownCarrier("sandbox")).isTrue();
		assertThat(this.shipments.isKnownCarrier("ontrac")).isTrue();
		assertThat(this.shipments.isKnownCarrier("pigeon")).isFalse();
	}

}
