package dev.beacon.carriers.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.store.StoreManagement;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JsonMapper json;

	UUID storeId;

	@BeforeEach
	void setUp() {
		this.storeId = CarriersTestSupport.store(this.stores, "sbx");
		CarriersTestSupport.order(this.orders, this.storeId, "A-1");
	}

	private ShipmentView shipped(String number, Duration ago) {
		return this.shipments.register(this.storeId, "A-1",
				new RegisterShipment(number, null, null, Instant.now().minus(ago)));
	}

	@ParameterizedTest
	@CsvSource({ "SBX0000000001, DELIVERED, ON_TRACK", "SBX1000000001, DELIVERED, ON_TRACK",
			"SBX2000000001, DELIVERED, ON_TRACK", "SBX3000000001, OUT_FOR_DELIVERY, ACTION_REQUIRED",
			"SBX4000000001, RETURNED, EXCEPTION", "SBX5000000001, IN_TRANSIT, EXCEPTION",
			"SBX6000000001, AVAILABLE_FOR_PICKUP, ACTION_REQUIRED", "SBX7000000001, CANCELLED, EXCEPTION" })
	void aBackdatedShipmentCatchesUpOnItsFirstPoll(String number, Milestone milestone, Health health) {
		ShipmentView registered = shipped(number, Duration.ofHours(100));
		assertThat(registered.carrier()).isEqualTo("sandbox");
		ShipmentView after = this.shipments.refresh(this.storeId, registered.id());
		assertThat(after.milestone()).isEqualTo(milestone);
		assertThat(after.health()).isEqualTo(health);
		assertThat(after.lastPollOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(after.events()).allSatisfy((e) -> assertThat(e.ruleId()).startsWith("sbx-"));
	}

	@Test
	void scansArriveAsTheScaledClockPassesThemAndRepeatPollsAddNothing() {
		ShipmentView s = shipped("SBX0123456789", Duration.ofHours(10));
		ShipmentView first = this.shipments.refresh(this.storeId, s.id());
		assertThat(first.events()).extracting(ScanView::rawCode).containsExactly("AR", "PU", "LC");
		assertThat(first.milestone()).isEqualTo(Milestone.IN_TRANSIT);
		ShipmentView again = this.shipments.refresh(this.storeId, s.id());
		assertThat(again.events()).hasSize(3);
		ScanView label = first.events().get(2);
		assertThat(label.rawPayload()).contains("\"eventCode\":\"LC\"").contains("SBX0123456789");
		assertThat(label.zone()).isEqualTo("America/New_York");
		assertThat(label.localTime()).isNotNull();
		assertThat(label.location().city()).isEqualTo("New York");
	}

	@Test
	void deliveredScansHappenAtTheDestination() {
		ShipmentView s = this.shipments.refresh(this.storeId, shipped("SBX0000000002", Duration.ofHours(90)).id());
		assertThat(s.events().get(0).rawCode()).isEqualTo("DL");
		assertThat(s.events().get(0).location().city()).isEqualTo("Memphis");
		assertThat(s.deliveredAt()).isNotNull();
	}

	@Test
	void atDemoScaleAJourneyPlaysInAboutTenMinutes() {
		SandboxAdapter demo = new SandboxAdapter(new SandboxProperties(576), this.shipments, this.orders, this.stores,
				this.json, java.time.Clock.systemUTC());
		ShipmentView fiveMinutes = shipped("SBX0000000005", Duration.ofMinutes(5));
		ShipmentView tenMinutes = shipped("SBX0000000010", Duration.ofMinutes(10));
		var updates = demo.track(java.util.List.of(task(fiveMinutes), task(tenMinutes)));
		assertThat(updates.get(fiveMinutes.id()).scans()).extracting(RawScan::rawCode).last().isEqualTo("DP");
		assertThat(updates.get(tenMinutes.id()).scans()).extracting(RawScan::rawCode).last().isEqualTo("DL");
		RawScan delivered = updates.get(tenMinutes.id()).scans().get(8);
		assertThat(Duration.between(tenMinutes.shippedAt(), delivered.occurredAt()))
			.isEqualTo(Duration.ofMillis(Duration.ofHours(86).toMillis() / 576));
	}

	private static PollTask task(ShipmentView v) {
		return PollTask.of(v);
	}

	@Test
	void anUnknownJourneyIsNotFoundAndKeepsNothing() {
		ShipmentView s = this.shipments.register(this.storeId, "A-1",
				new RegisterShipment("SBX8000000001", "sandbox", null, Instant.now().minusSeconds(3600 * 100)));
		ShipmentView after = this.shipments.refresh(this.storeId, s.id());
		assertThat(after.lastPollOutcome()).isEqualTo(PollOutcome.NOT_FOUND);
		assertThat(after.events()).isEmpty();
	}

}
