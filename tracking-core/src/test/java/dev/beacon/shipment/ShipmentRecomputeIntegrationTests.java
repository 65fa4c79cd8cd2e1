package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderStatus;
import dev.beacon.order.OrderStatusChanged;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Progress;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.Fixtures.ShipmentFixture;
import dev.beacon.testing.Fixtures.StoreFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The status engine's one read of a shipment's order ({@code OrderFacts}: the order, its
 * stored status and its shipments) and the ingest's one read of a shipment's scans (the
 * dedup check and the fold's history): they leave orders and shipments exactly as reading
 * the entities again would.
 */
@SpringBootTest
@RecordApplicationEvents
class ShipmentRecomputeIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	/** A code of the test table per milestone reached; null: polled, no scan yet. */
	private static final String[] CODES = { null, "PU", "IT", "OD", "DA", "DL", "RT" };

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	ApplicationEvents events;

	StoreFixture store;

	@BeforeEach
	void store() {
		this.store = new Fixtures(this.stores, this.orders, this.shipments).store("recompute");
	}

	@Test
	void anOrdersStatusIsDerivedFromAllItsLiveShipmentsInEveryMilestoneMix() {
		int n = 0;
		for (int a = 0; a < CODES.length; a++) {
			for (int b = a; b < CODES.length; b++) {
				n++;
				var order = this.store.order("MIX-" + n).placedAt(T0).promisedBy(LocalDate.of(2026, 3, 20));
				ShipmentFixture first = order.shipment("SBX71" + String.format("%05d", n) + "1");
				ShipmentFixture second = order.shipment("SBX71" + String.format("%05d", n) + "2");
				ShipmentFixture removed = order.shipment("SBX71" + String.format("%05d", n) + "3");
				removed.scans(Fixtures.scan("DL", "Delivered", T0.plusSeconds(7200)));
				this.shipments.remove(this.store.id(), removed.id());
				reach(first, CODES[a], 1);
				reach(second, CODES[b], 2);
				Order stored = this.orders.get(this.store.id(), "MIX-" + n);
				List<Progress> parcels = this.shipments.ofOrder(stored.getId())
					.stream()
					.map((v) -> new Progress(v.milestone(), v.health()))
					.toList();
				assertThat(parcels).as("mix %s + %s", CODES[a], CODES[b]).hasSize(2);
				// two milestones of one rank (out for delivery, attempted) speak for the
				// order
				// in the order the shipments were registered, and this clock registers
				// them
				// all at one instant: either is the rule's answer then
				OrderStatus.Derived expected = OrderStatus.derive(parcels);
				OrderStatus.Derived reversed = OrderStatus.derive(List.of(parcels.get(1), parcels.get(0)));
				assertThat(new OrderStatus.Derived(stored.getStatus(), stored.getHealth()))
					.as("mix %s + %s", CODES[a], CODES[b])
					.isIn(expected, reversed);
			}
		}
		assertThat(this.orders.get(this.store.id(), "MIX-" + mix("OD", "OD")).getStatus())
			.isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
		assertThat(this.orders.get(this.store.id(), "MIX-" + mix("DL", "DL")).getStatus())
			.isEqualTo(OrderStatus.DELIVERED);
		assertThat(this.orders.get(this.store.id(), "MIX-" + mix("IT", "DL")).getStatus())
			.isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
		assertThat(this.orders.get(this.store.id(), "MIX-" + mix("PU", "OD")).getStatus())
			.isEqualTo(OrderStatus.PICKED_UP);
		assertThat(this.orders.get(this.store.id(), "MIX-" + mix("IT", "DA")))
			.extracting(Order::getStatus, Order::getHealth)
			.containsExactly(OrderStatus.IN_TRANSIT, Health.ACTION_REQUIRED);
		assertThat(this.orders.get(this.store.id(), "MIX-" + mix(null, null)).getStatus())
			.isEqualTo(OrderStatus.LABEL_CREATED);
	}

	@Test
	void aCancelledOrderStaysCancelledWhateverItsShipmentsDo() {
		var order = this.store.order("CXL-1").placedAt(T0);
		ShipmentFixture s = order.shipment("SBX7200000001");
		this.orders.cancel(this.store.id(), "CXL-1", "test");
		this.events.clear();
		s.scans(Fixtures.scan("DL", "Delivered", T0.plusSeconds(3600)));
		assertThat(s.view().milestone()).isEqualTo(Milestone.DELIVERED);
		assertThat(this.orders.get(this.store.id(), "CXL-1").getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.events.stream(OrderStatusChanged.class)).isEmpty();
	}

	@Test
	void twoShipmentsOfOneOrderIngestedInOneBatchLeaveTheOrderAsBothSay() {
		var order = this.store.order("BATCH-1").placedAt(T0);
		ShipmentFixture first = order.shipment("SBX7300000001");
		ShipmentFixture second = order.shipment("SBX7300000002");
		this.events.clear();
		Map<UUID, CarrierUpdate> batch = new LinkedHashMap<>();
		batch.put(first.id(), CarrierUpdate.of(List.of(Fixtures.scan("DL", "Delivered", T0.plusSeconds(3600))), null));
		batch.put(second.id(), CarrierUpdate.of(List.of(Fixtures.scan("DL", "Delivered", T0.plusSeconds(7200))), null));
		this.shipments.ingestAll(batch, TransitionCause.POLL);
		assertThat(this.orders.get(this.store.id(), "BATCH-1").getStatus()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(this.events.stream(OrderStatusChanged.class)).extracting(OrderStatusChanged::to)
			.containsExactly(OrderStatus.PARTIALLY_DELIVERED, OrderStatus.DELIVERED);
	}

	@Test
	void aScanIsKeptToTheMicrosecondAndScansOfOneTimeFoldInTheOrderTheyWereStored() {
		ShipmentFixture s = this.store.order("TIME-1").placedAt(T0).shipment("SBX7400000001");
		Instant at = T0.plusSeconds(3600).plusNanos(123_456_789);
		Instant kept = at.truncatedTo(ChronoUnit.MICROS);
		s.scans(Fixtures.scan("IT", "Arrived at hub", at));
		ShipmentView afterFirst = s.view();
		assertThat(afterFirst.events()).extracting(ScanView::occurredAt).containsExactly(kept);
		assertThat(afterFirst.lastEventAt()).isEqualTo(kept);
		assertThat(afterFirst.statusText()).isEqualTo("Arrived at hub");
		// same time, stored later: it is the newer scan, for the fold as for the views
		s.scans(Fixtures.scan("IT", "Arrived at hub", at), Fixtures.scan("IT", "Departed hub", at),
				Fixtures.scan("PU", "Picked up", T0.plusSeconds(60)));
		ShipmentView afterSecond = s.view();
		assertThat(afterSecond.events()).extracting(ScanView::description, ScanView::occurredAt)
			.containsExactly(tuple("Departed hub", kept), tuple("Arrived at hub", kept),
					tuple("Picked up", T0.plusSeconds(60)));
		assertThat(afterSecond.statusText()).isEqualTo("Departed hub");
		assertThat(afterSecond.milestone()).isEqualTo(Milestone.IN_TRANSIT);
		assertThat(afterSecond.shippedAt()).isEqualTo(kept); // the first scan past
																// pick-up, never moved
																// back
	}

	/** The number of the mix of these codes in the first test. */
	private static int mix(String a, String b) {
		int n = 0;
		for (int i = 0; i < CODES.length; i++) {
			for (int j = i; j < CODES.length; j++) {
				n++;
				if (Objects.equals(CODES[i], a) && Objects.equals(CODES[j], b)) {
					return n;
				}
			}
		}
		throw new IllegalArgumentException(a + " " + b);
	}

	/** The carrier answers with a scan of {@code code} (or, null, with none yet). */
	private void reach(ShipmentFixture s, String code, int hours) {
		List<RawScan> scans = new ArrayList<>();
		if (code != null) {
			scans.add(Fixtures.scan(code, "Scan " + code, T0.plusSeconds(hours * 3600L)));
		}
		this.shipments.ingest(s.id(), CarrierUpdate.of(scans, null), TransitionCause.POLL);
	}

}
