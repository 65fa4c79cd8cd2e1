package dev.beacon.shipment;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderException;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderStatus;
import dev.beacon.order.OrderStatusChanged;
import dev.beacon.order.PlaceOrder;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.Fixtures.StoreFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
@RecordApplicationEvents
class ShipmentManagementIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	NormalizationReplay replay;

	@Autowired
	Normalizer normalizer;

	@Autowired
	ShipmentTracking tracking;

	@Autowired
	DataSource dataSource;

	UUID storeId;

	Order order;

	StoreFixture store;

	@BeforeEach
	void store() {
		this.store = new Fixtures(this.stores, this.orders, this.shipments).store("core");
		this.storeId = this.store.id();
		this.order = this.store.order("1001")
			.placedAt(T0)
			.customer(new Customer("Ana Lima", "Ana@Example.com", null, "pt-BR"))
			.from(new Address("38103", "Memphis", "TN", "us"))
			.promisedBy(LocalDate.of(2026, 3, 9))
			.place();
	}

	private static RawScan scan(String code, String text, int hours) {
		return Fixtures.scan(code, text, T0.plusSeconds(hours * 3600L));
	}

	@Test
	void orderIsStoredWithNormalizedContactsAndItems() {
		Order stored = this.orders.get(this.storeId, "1001");
		assertThat(stored.getCustomer().email()).isEqualTo("ana@example.com");
		assertThat(stored.getDestination().country()).isEqualTo("US");
		assertThat(stored.getItems()).containsExactly(new OrderItem("SKU-1", "Lamp", 1));
		assertThat(stored.getStatus()).isEqualTo(OrderStatus.ORDERED);
		assertThatThrownBy(() -> this.orders.place(this.storeId,
				new PlaceOrder("1001", T0, new Customer(null, null, null, null), null, null, null, List.of(), false)))
			.isInstanceOf(OrderException.class)
			.extracting((e) -> ((OrderException) e).kind())
			.isEqualTo(OrderException.Kind.DUPLICATE);
	}

	@Test
	void scansAreStoredOnceNormalizedAndDriveTheStatus() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("sbx-000 000 0001", "sandbox", "Ground", null));
		assertThat(s.trackingNumber()).isEqualTo("SBX0000000001");
		assertThat(s.milestone()).isEqualTo(Milestone.LABEL_CREATED);
		assertThat(this.orders.get(this.storeId, "1001").getStatus()).isEqualTo(OrderStatus.LABEL_CREATED);

		int stored = this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1),
				scan("IT", "Departed facility", 5), scan("OD", "Out for delivery", 30)), null), TransitionCause.POLL)
			.newScans();
		assertThat(stored).isEqualTo(3);
		// the same scans again, plus a late scan from before:
		// only the late one is new, and it does not move the shipment back
		Ingested again = this.shipments.ingest(s.id(),
				CarrierUpdate.of(List.of(scan("PU", "Picked up", 1), scan("IT", "Departed facility", 5),
						scan("OD", "Out for delivery", 30), scan("IT", "Arrived hub", 20)), null),
				TransitionCause.POLL);
		assertThat(again.newScans()).isEqualTo(1);
		assertThat(again.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(again.lastEventAt()).isEqualTo(T0.plusSeconds(30 * 3600L));

		ShipmentView now = this.shipments.get(this.storeId, s.id());
		assertThat(now.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(now.events()).hasSize(4);
		assertThat(now.events().get(0).rawCode()).isEqualTo("OD");
		assertThat(now.events().get(0).ruleId()).isEqualTo("t-od");
		assertThat(now.shippedAt()).isEqualTo(T0.plusSeconds(3600));
		assertThat(now.lastPollOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(this.orders.get(this.storeId, "1001").getStatus()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);

		// one batch of scans is one transition, straight to the newest milestone
		List<ShipmentTransition> transitions = this.shipments.transitions(this.storeId, s.id());
		assertThat(transitions).filteredOn((t) -> t.getFromMilestone() != t.getToMilestone())
			.extracting(ShipmentTransition::getToMilestone)
			.containsExactly(Milestone.OUT_FOR_DELIVERY);
		assertThat(this.events.stream(ShipmentStatusChanged.class).filter(ShipmentStatusChanged::milestoneChanged))
			.singleElement()
			.satisfies((e) -> assertThat(e.fromMilestone()).isEqualTo(Milestone.LABEL_CREATED));
	}

	@Test
	void aFailedPollKeepsStoredScansAndRecordsTheOutcome() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000002", "sandbox", null, null));
		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null),
				TransitionCause.POLL);
		this.shipments.ingest(s.id(), CarrierUpdate.failed(PollOutcome.MALFORMED, "unexpected token '<'"),
				TransitionCause.POLL);
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.events()).hasSize(1);
		assertThat(after.milestone()).isEqualTo(Milestone.PICKED_UP);
		assertThat(after.lastPollOutcome()).isEqualTo(PollOutcome.MALFORMED);
		assertThat(after.lastPollDetail()).contains("unexpected token");
	}

	@Test
	void exceptionsAndDelaysSetHealthAndReason() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX3000000003", "sandbox", null, null));
		this.shipments.ingest(s.id(),
				CarrierUpdate
					.of(List.of(scan("PU", "Picked up", 1), scan("EX", "Incorrect address - contact sender", 9)), null),
				TransitionCause.POLL);
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.health()).isEqualTo(Health.ACTION_REQUIRED);
		assertThat(after.reason()).isEqualTo(Reason.ADDRESS);
		assertThat(after.actionRequired()).isTrue();
		assertThat(this.orders.get(this.storeId, "1001").getHealth()).isEqualTo(Health.ACTION_REQUIRED);
	}

	@Test
	void aReturnedShipmentKeepsTheOrderOutOfGoodHealth() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX4000000010", "sandbox", null, null));
		this.shipments.ingest(s.id(),
				CarrierUpdate.of(List.of(scan("PU", "Picked up", 1), scan("RT", "Returned to sender", 90)), null),
				TransitionCause.POLL);
		Order order = this.orders.get(this.storeId, "1001");
		assertThat(order.getStatus()).isEqualTo(OrderStatus.RETURNED);
		assertThat(order.getHealth()).isEqualTo(Health.EXCEPTION);
	}

	@Test
	void otherStoresCannotSeeTheShipment() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000004", "sandbox", null, null));
		UUID other = new Fixtures(this.stores, this.orders, this.shipments).store("other").id();
		assertThat(this.shipments.find(other, s.id())).isEmpty();
		assertThat(this.shipments.find(this.storeId, s.id())).isPresent();
		assertThatThrownBy(() -> this.shipments.register(other, "1001",
				new RegisterShipment("SBX0000000005", "sandbox", null, null)))
			.isInstanceOf(OrderException.class);
	}

	@Test
	void registrationValidatesNumberCarrierAndDuplicates() {
		assertThatThrownBy(
				() -> this.shipments.register(this.storeId, "1001", new RegisterShipment("12", "sandbox", null, null)))
			.extracting((e) -> ((ShipmentException) e).field())
			.isEqualTo("trackingNumber");
		// without the carriers module core's fallback directory accepts any well-formed
		// code,
		// and nothing else
		assertThatThrownBy(() -> this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000006", "pigeon post!", null, null)))
			.extracting((e) -> ((ShipmentException) e).field())
			.isEqualTo("carrier");
		this.shipments.register(this.storeId, "1001", new RegisterShipment("SBX0000000006", "sandbox", null, null));
		assertThatThrownBy(() -> this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000006", "sandbox", null, null)))
			.extracting((e) -> ((ShipmentException) e).kind())
			.isEqualTo(ShipmentException.Kind.DUPLICATE);
	}

	@Test
	void aCorrectedCarrierIsDueNowByTheDatabaseClockNotTheInstances() {
		// this context's Clock is fixed months before the database's now()
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000009", "sandbox", null, null));
		this.jdbc.update("update shipments set next_poll_at = now() + interval '6 hours' where id = ?", s.id());
		ShipmentView corrected = this.shipments.correctCarrier(this.storeId, s.id(), "ups");
		assertThat(corrected.carrier()).isEqualTo("ups");
		assertThat(this.jdbc.queryForObject(
				"select next_poll_at <= now() and next_poll_at > now() - interval '1 minute' from shipments where id = ?",
				Boolean.class, s.id()))
			.isTrue();
		assertThat(corrected.nextPollAt()).isEqualTo(
				this.jdbc.queryForObject("select next_poll_at from shipments where id = ?", Instant.class, s.id()));
	}

	@Test
	void expiryMarksASilentShipmentAndStopsPolling() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX5000000008", "sandbox", null, null));
		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("IT", "In transit", 1)), null),
				TransitionCause.POLL);
		this.shipments.expire(s.id());
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.milestone()).isEqualTo(Milestone.EXPIRED);
		assertThat(after.reason()).isEqualTo(Reason.SILENT);
		assertThat(after.nextPollAt()).isNull();
	}

	@Test
	void replayRereadsScansWhenTheTableVersionChangesAndPublishesNothingToShoppers() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000009", "sandbox", null, null));
		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("IT", "In transit", 1)), null),
				TransitionCause.POLL);
		// pretend the scans were read by an older table that knew IT as "picked up"
		this.jdbc.update("""
				update tracking_events set rules_version = '0', milestone = 'PICKED_UP', rule_id = 'old'
				where shipment_id = ?""", s.id());
		this.jdbc.update("update shipments set milestone = 'PICKED_UP' where id = ?", s.id());
		this.jdbc.update("update orders set status = 'PICKED_UP' where id = ?", this.order.getId());
		this.events.clear();

		assertThat(this.replay.replay("sandbox", this.normalizer.version("sandbox"))).isGreaterThanOrEqualTo(1);

		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.milestone()).isEqualTo(Milestone.IN_TRANSIT);
		assertThat(after.events().get(0).ruleId()).isEqualTo("t-it");
		assertThat(this.orders.get(this.storeId, "1001").getStatus()).isEqualTo(OrderStatus.IN_TRANSIT);
		assertThat(this.shipments.transitions(this.storeId, s.id())).extracting(ShipmentTransition::getCause)
			.contains("REPLAY");
		// notify and webhooks ignore REPLAY; the order moved quietly
		assertThat(this.events.stream(ShipmentStatusChanged.class)).isNotEmpty()
			.allSatisfy((e) -> assertThat(e.cause()).isEqualTo(TransitionCause.REPLAY));
		assertThat(this.events.stream(OrderStatusChanged.class)).isEmpty();
		assertThat(this.replay.replay("sandbox", this.normalizer.version("sandbox"))).isZero();
	}

	@Test
	void aReplayBatchIsBoundedAndWaitsWhileAnotherInstanceReplaysTheSameCarrier() throws Exception {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000010", "sandbox", null, null));
		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("IT", "In transit", 1)), null),
				TransitionCause.POLL);
		this.jdbc.update("update tracking_events set rules_version = '0' where shipment_id = ?", s.id());
		String version = this.normalizer.version("sandbox");
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement st = other.createStatement()) {
				// another instance is replaying sandbox scans: it holds the carrier's
				// lock
				st.execute("select pg_advisory_xact_lock(hashtext('beacon.replay.sandbox'))");
			}
			Future<Integer> batch = pool.submit(() -> this.tracking.replayBatch("sandbox", version, 1));
			Instant deadline = Instant.now().plusSeconds(30);
			while (waitingForAdvisoryLocks() == 0 && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
			assertThat(waitingForAdvisoryLocks()).as("this instance's batch waits for the lock").isEqualTo(1);
			assertThat(batch.isDone()).isFalse();
			other.rollback(); // the other instance's batch ends
			assertThat(batch.get(30, TimeUnit.SECONDS)).as("at most the batch size").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
			this.replay.replay("sandbox", version);
		}
	}

	private int waitingForAdvisoryLocks() {
		return this.jdbc.queryForObject("""
				select count(*) from pg_locks where locktype = 'advisory' and not granted
				  and database = (select oid from pg_database where datname = current_database())""", Integer.class);
	}

	@Test
	void noStatusIsPublishedBeforeTheCarrierHasBeenAsked() {
		// promised for Thursday: the guess before any poll (two to five business days
		// after Monday's order) ends after that, the carrier's own estimate does not
		ShipmentView s = this.store.order("1002")
			.placedAt(T0)
			.promisedBy(LocalDate.of(2026, 3, 5))
			.shipment("SBX0000000012")
			.view();
		assertThat(s.health()).isEqualTo(Health.ON_TRACK);
		assertThat(s.estimatedDelivery())
			.isEqualTo(new DeliveryWindow(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 9)));
		assertThat(this.events.stream(ShipmentStatusChanged.class)).isEmpty();

		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)),
				new DeliveryWindow(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5))), TransitionCause.POLL);

		assertThat(this.events.stream(ShipmentStatusChanged.class)).singleElement().satisfies((e) -> {
			assertThat(e.toMilestone()).isEqualTo(Milestone.PICKED_UP);
			assertThat(e.toHealth()).isEqualTo(Health.ON_TRACK);
		});
		assertThat(this.shipments.transitions(this.storeId, s.id())).extracting(ShipmentTransition::getToHealth)
			.containsExactly(Health.ON_TRACK);
	}

	@Test
	void aLateWindowTurnsTheShipmentDelayedOnceTheCarrierHasAnswered() {
		ShipmentView s = this.store.order("1003")
			.placedAt(T0)
			.promisedBy(LocalDate.of(2026, 3, 5))
			.shipment("SBX0000000013")
			.view();
		this.shipments.ingest(s.id(), CarrierUpdate.failed(PollOutcome.NOT_FOUND, "unknown number"),
				TransitionCause.POLL);
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.health()).isEqualTo(Health.DELAYED);
		assertThat(after.reason()).isEqualTo(Reason.CARRIER);
	}

	@Test
	void carrierTextLongerThanItsColumnIsShortenedNotRefused() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000014", "sandbox", null, null));
		String text = "In transit " + "x".repeat(1500);
		RawScan scan = new RawScan("IT" + "9".repeat(80), text, "{}", T0.plusSeconds(3600), null, "Z".repeat(70),
				new ScanLocation("C".repeat(200), "R".repeat(200), "P".repeat(30), "USA"), null);
		assertThat(
				this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan), null), TransitionCause.POLL).newScans())
			.isEqualTo(1);
		ScanView stored = this.shipments.get(this.storeId, s.id()).events().get(0);
		assertThat(stored.description()).hasSize(1000).startsWith("In transit xx").endsWith("x…");
		assertThat(stored.rawCode()).hasSize(64);
		assertThat(stored.zone()).hasSize(64);
		assertThat(stored.location().city()).hasSize(120);
		assertThat(stored.location().region()).hasSize(120);
		assertThat(stored.location().postalCode()).hasSize(20);
		assertThat(stored.location().country()).isEqualTo("US");
		// the same over-long scan again is recognised as known
		assertThat(
				this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan), null), TransitionCause.POLL).newScans())
			.isZero();
	}

	@Test
	void aBatchOfShipmentsIsIngestedInOneTransactionAsOneCallEach() {
		ShipmentView moving = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000021", "sandbox", null, null));
		ShipmentView unasked = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000022", "sandbox", null, null));
		LocalDateTime local = LocalDateTime.of(2026, 3, 2, 6, 30);
		RawScan pickedUp = new RawScan("PU", "Picked up", "{\"code\":\"PU\"}", T0.plusSeconds(3600), local,
				"America/Chicago", new ScanLocation("Memphis", "TN", "38103", "US"), null);
		Map<UUID, CarrierUpdate> batch = new LinkedHashMap<>();
		// the same scan twice in one answer is stored once
		batch.put(moving.id(), CarrierUpdate.of(List.of(pickedUp, scan("IT", "Departed facility", 5), pickedUp), null));
		batch.put(unasked.id(), CarrierUpdate.failed(PollOutcome.NOT_CONFIGURED, "sandbox has no credentials"));

		Map<UUID, Ingested> result = this.shipments.ingestAll(batch, TransitionCause.POLL);

		assertThat(result.get(moving.id()).newScans()).isEqualTo(2);
		assertThat(result.get(moving.id()).milestone()).isEqualTo(Milestone.IN_TRANSIT);
		assertThat(result.get(unasked.id()).newScans()).isZero();
		assertThat(result.get(unasked.id()).milestone()).isEqualTo(Milestone.LABEL_CREATED);
		ShipmentView after = this.shipments.get(this.storeId, moving.id());
		assertThat(after.events()).extracting(ScanView::rawCode).containsExactly("IT", "PU");
		ScanView stored = after.events().get(1);
		assertThat(stored.localTime()).isEqualTo(local);
		assertThat(stored.zone()).isEqualTo("America/Chicago");
		assertThat(stored.location()).isEqualTo(new ScanLocation("Memphis", "TN", "38103", "US"));
		assertThat(stored.rawPayload()).isEqualTo("{\"code\":\"PU\"}");
		assertThat(stored.milestone()).isEqualTo(Milestone.PICKED_UP);
		assertThat(after.shippedAt()).isEqualTo(T0.plusSeconds(3600));
		List<ShipmentTransition> transitions = this.shipments.transitions(this.storeId, moving.id());
		assertThat(transitions).filteredOn((t) -> t.getFromMilestone() != t.getToMilestone())
			.extracting(ShipmentTransition::getToMilestone)
			.containsExactly(Milestone.IN_TRANSIT);
		ShipmentView failed = this.shipments.get(this.storeId, unasked.id());
		assertThat(failed.lastPollOutcome()).isEqualTo(PollOutcome.NOT_CONFIGURED);
		assertThat(failed.lastPollDetail()).isEqualTo("sandbox has no credentials");
		assertThat(failed.events()).isEmpty();
		assertThat(this.events.stream(ScansRecorded.class))
			.extracting(ScansRecorded::shipmentId, ScansRecorded::newScans)
			.containsExactlyInAnyOrder(tuple(moving.id(), 2), tuple(unasked.id(), 0));

		// the same answer again: nothing new, no transition
		assertThat(this.shipments.ingestAll(Map.of(moving.id(), batch.get(moving.id())), TransitionCause.POLL)
			.get(moving.id())
			.newScans()).isZero();
		assertThat(this.shipments.transitions(this.storeId, moving.id())).hasSameSizeAs(transitions);
	}

	@Test
	void aBatchThatFailsKeepsNothingOfAnyShipment() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000023", "sandbox", null, null));
		Map<UUID, CarrierUpdate> batch = new LinkedHashMap<>();
		batch.put(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null));
		batch.put(UUID.randomUUID(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null));
		assertThatThrownBy(() -> this.shipments.ingestAll(batch, TransitionCause.POLL))
			.isInstanceOf(ShipmentException.class);
		ShipmentView after = this.shipments.get(this.storeId, s.id());
		assertThat(after.events()).isEmpty();
		assertThat(after.lastPolledAt()).isNull();
		assertThat(after.milestone()).isEqualTo(Milestone.LABEL_CREATED);
	}

	@Test
	void theShopperReadOfAnOrderIsTheFullReadWithoutRawPayloads() {
		ShipmentView first = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000021", "sandbox", "Ground", T0));
		ShipmentView second = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000022", "sandbox", null, null));
		this.shipments.ingest(first.id(),
				CarrierUpdate.of(
						List.of(scan("PU", "Picked up", 1),
								new RawScan("EX", "Weather delay", "{\"code\":\"EX\"}", T0.plusSeconds(7200),
										java.time.LocalDateTime.of(2026, 3, 2, 6, 0), "America/Chicago",
										ScanLocation.unknown(), null),
								scan("IT", "Departed facility", 5)),
						new DeliveryWindow(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6))),
				TransitionCause.POLL);
		this.shipments.ingest(second.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 3)), null),
				TransitionCause.POLL);
		ShipmentView other = this.shipments.register(this.storeId, "1001", new RegisterShipment("LOC123456", null, null,
				null, "Local Couriers", "https://local.example/t/LOC123456"));
		this.shipments.followedBy(List.of(other.id()), "store");
		ShipmentView removed = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000023", "sandbox", null, null));
		this.shipments.remove(this.storeId, removed.id());

		List<ShipmentView> full = this.shipments.ofOrder(this.order.getId());
		// the page's and the API's read: plain projections, by store
		List<ShipmentView> lean = this.shipments.ofOrderWithoutPayloads(this.storeId, this.order.getId());

		assertThat(this.shipments.ofOrderWithoutPayloads(UUID.randomUUID(), this.order.getId())).isEmpty();
		// creation order, then id (the fixed clock gives all three the same creation
		// time)
		assertThat(full).extracting(ShipmentView::id).containsExactlyInAnyOrder(first.id(), second.id(), other.id());
		assertThat(full).extracting((v) -> v.id().toString()).isSorted();
		ShipmentView local = full.stream().filter((v) -> v.id().equals(other.id())).findFirst().orElseThrow();
		assertThat(local.carrierName()).isEqualTo("Local Couriers");
		assertThat(local.trackingUrl()).isEqualTo("https://local.example/t/LOC123456");
		assertThat(local.source()).isEqualTo("store");
		ShipmentView polled = full.stream().filter((v) -> v.id().equals(first.id())).findFirst().orElseThrow();
		assertThat(polled.lastPollOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(polled.carrierEstimate()).isNotNull();
		assertThat(polled.events()).extracting(ScanView::rawCode).containsExactly("IT", "EX", "PU");
		assertThat(polled.events().get(1).rawPayload()).isEqualTo("{\"code\":\"EX\"}");
		assertThat(lean).flatExtracting(ShipmentView::events).extracting(ScanView::rawPayload).containsOnlyNulls();
		List<ShipmentView> withoutPayloads = full.stream()
			.map((v) -> new ShipmentView(v.id(), v.storeId(), v.orderId(), v.carrier(), v.carrierPinned(),
					v.trackingNumber(), v.service(), v.shippedAt(), v.milestone(), v.health(), v.reason(),
					v.actionRequired(), v.statusText(), v.statusLocation(), v.estimatedDelivery(), v.carrierEstimate(),
					v.deliveredAt(), v.lastEventAt(), v.nextPollAt(), v.lastPolledAt(), v.lastPollOutcome(),
					v.lastPollDetail(), v.createdAt(),
					v.events()
						.stream()
						.map((e) -> new ScanView(e.id(), e.occurredAt(), e.localTime(), e.zone(), e.milestone(),
								e.health(), e.reason(), e.description(), e.location(), e.rawCode(), null, e.ruleId(),
								e.source()))
						.toList(),
					v.carrierName(), v.trackingUrl(), v.source()))
			.toList();
		assertThat(lean).isEqualTo(withoutPayloads);
	}

	@Test
	void theShopperReadShowsOnlyScansOfTheStoreItReadsFor() {
		ShipmentView s = this.shipments.register(this.storeId, "1001",
				new RegisterShipment("SBX0000000024", "sandbox", null, null));
		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null),
				TransitionCause.POLL);
		// a row that names another store (never written so): the joined read filters
		// scans by store as well as the shipments
		UUID otherStore = new Fixtures(this.stores, this.orders, this.shipments).store("core-other").id();
		this.jdbc.update("""
				insert into tracking_events (shipment_id, store_id, carrier, dedup_key, raw_code, raw_text, raw_payload,
				  occurred_at, health, rule_id, rules_version, source, received_at)
				select shipment_id, ?, carrier, 'foreign', 'XX', 'Not this store', raw_payload,
				  occurred_at + interval '1 hour', health, rule_id, rules_version, source, received_at
				from tracking_events where shipment_id = ?""", otherStore, s.id());

		List<ShipmentView> lean = this.shipments.ofOrderWithoutPayloads(this.storeId, this.order.getId());

		assertThat(lean).singleElement()
			.satisfies((v) -> assertThat(v.events()).extracting(ScanView::rawCode).containsExactly("PU"));
		assertThat(this.shipments.ofOrderWithoutPayloads(otherStore, this.order.getId())).isEmpty();
	}

}
