package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderManagement;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A poller's batch whose answers bring nothing new is recorded without the status engine:
 * one read and one update for the whole batch, whatever its size; an answer with news in
 * the same batch still goes through the engine.
 */
@SpringBootTest
@RecordApplicationEvents
class QuietPollsIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	StatementCounter statements;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	UUID storeId;

	@TestConfiguration
	static class Counting {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	@BeforeEach
	void store() {
		var store = new Fixtures(this.stores, this.orders, this.shipments).store("quiet");
		this.storeId = store.id();
		store.order("Q-1")
			.placedAt(T0)
			.customer(new Customer("Ana Lima", "ana@example.com", null, "en"))
			.from(new Address("38103", "Memphis", "TN", "us"))
			.place();
	}

	private ShipmentView ship(String number) {
		return this.shipments.register(this.storeId, "Q-1", new RegisterShipment(number, "sandbox", null, null));
	}

	private static RawScan scan(String code, String text, int hours) {
		return Fixtures.scan(code, text, T0.plusSeconds(hours * 3600L));
	}

	@Test
	void answersWithNothingNewAreRecordedInOneReadAndOneUpdateWhateverTheirNumber() throws Exception {
		List<ShipmentView> three = List.of(ship("SBXQ00000001"), ship("SBXQ00000002"), ship("SBXQ00000003"));
		Map<UUID, CarrierUpdate> first = new LinkedHashMap<>();
		three.forEach((s) -> first.put(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null)));
		this.shipments.ingestAll(first, TransitionCause.POLL);
		List<ShipmentView> before = three.stream().map((s) -> this.shipments.get(this.storeId, s.id())).toList();
		int transitions = this.shipments.transitions(this.storeId, three.get(0).id()).size();
		this.events.clear();

		Map<UUID, CarrierUpdate> again = new LinkedHashMap<>();
		again.put(three.get(0).id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null));
		again.put(three.get(1).id(), new CarrierUpdate(List.of(), null, PollOutcome.OK, "nothing yet"));
		again.put(three.get(2).id(), CarrierUpdate.failed(PollOutcome.SERVER_ERROR, "HTTP 503"));
		Map<UUID, Ingested>[] result = new Map[1];
		long count = this.statements.count(() -> result[0] = this.shipments.ingestAll(again, TransitionCause.POLL));

		assertThat(count).isEqualTo(2);
		assertThat(result[0].values()).extracting(Ingested::newScans, Ingested::milestone)
			.containsOnly(tuple(0, Milestone.PICKED_UP));
		assertThat(result[0].get(three.get(0).id()).lastEventAt()).isEqualTo(T0.plusSeconds(3600));
		assertThat(result[0].get(three.get(0).id()).createdAt()).isEqualTo(before.get(0).createdAt());
		for (int i = 0; i < 3; i++) {
			ShipmentView now = this.shipments.get(this.storeId, three.get(i).id());
			assertThat(now.lastPolledAt()).isAfterOrEqualTo(before.get(i).lastPolledAt());
			assertThat(now.milestone()).isEqualTo(Milestone.PICKED_UP);
			assertThat(now.estimatedDelivery()).isEqualTo(before.get(i).estimatedDelivery());
			assertThat(now.events()).hasSize(1);
		}
		assertThat(this.shipments.get(this.storeId, three.get(1).id()).lastPollDetail()).isEqualTo("nothing yet");
		ShipmentView failed = this.shipments.get(this.storeId, three.get(2).id());
		assertThat(failed.lastPollOutcome()).isEqualTo(PollOutcome.SERVER_ERROR);
		assertThat(failed.lastPollDetail()).isEqualTo("HTTP 503");
		assertThat(this.shipments.transitions(this.storeId, three.get(0).id())).hasSize(transitions);
		assertThat(this.events.stream(ShipmentStatusChanged.class)).isEmpty();
		assertThat(this.events.stream(ScansRecorded.class))
			.extracting(ScansRecorded::shipmentId, ScansRecorded::newScans, ScansRecorded::outcome,
					ScansRecorded::after)
			.containsExactlyInAnyOrder(tuple(three.get(0).id(), 0, PollOutcome.OK, null),
					tuple(three.get(1).id(), 0, PollOutcome.OK, null),
					tuple(three.get(2).id(), 0, PollOutcome.SERVER_ERROR, null));
	}

	@Test
	void aBatchMixingNewsAndNoNewsStoresTheNewsAndMovesOnlyThatShipment() {
		ShipmentView quiet = ship("SBXQ00000011");
		ShipmentView moving = ship("SBXQ00000012");
		ShipmentView firstAsked = ship("SBXQ00000013");
		Map<UUID, CarrierUpdate> first = new LinkedHashMap<>();
		first.put(quiet.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null));
		first.put(moving.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null));
		this.shipments.ingestAll(first, TransitionCause.POLL);
		this.events.clear();

		Map<UUID, CarrierUpdate> next = new LinkedHashMap<>();
		next.put(quiet.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null));
		// a late scan is news (stored) but never moves the shipment back
		next.put(moving.id(), CarrierUpdate
			.of(List.of(scan("PU", "Picked up", 1), scan("IT", "Departed facility", 5), scan("LC", "Label", 0)), null));
		// never asked before: the first answer settles the window, even without scans
		next.put(firstAsked.id(), CarrierUpdate.of(List.of(), null));
		Map<UUID, Ingested> result = this.shipments.ingestAll(next, TransitionCause.POLL);

		assertThat(result.get(quiet.id()).newScans()).isZero();
		assertThat(result.get(moving.id()).newScans()).isEqualTo(2);
		assertThat(result.get(moving.id()).milestone()).isEqualTo(Milestone.IN_TRANSIT);
		assertThat(this.shipments.get(this.storeId, moving.id()).events()).extracting(ScanView::rawCode)
			.containsExactly("IT", "PU", "LC");
		assertThat(this.shipments.get(this.storeId, firstAsked.id()).lastPolledAt()).isNotNull();
		assertThat(this.events.stream(ShipmentStatusChanged.class)).extracting(ShipmentStatusChanged::shipmentId)
			.containsExactly(moving.id());
		ScansRecorded recorded = this.events.stream(ScansRecorded.class)
			.filter((e) -> e.shipmentId().equals(moving.id()))
			.findFirst()
			.orElseThrow();
		assertThat(recorded.after()).isNotNull();
		assertThat(recorded.after().milestone()).isEqualTo(Milestone.IN_TRANSIT);
		assertThat(recorded.after().newest().description()).isEqualTo("Departed facility");
		assertThat(recorded.after().newest().occurredAt()).isEqualTo(T0.plusSeconds(5 * 3600L));
		assertThat(recorded.after().earlierCountries()).containsExactly("US");
	}

	@Test
	void theNextPollTheCallerDecidesIsWrittenWithTheRecordOfEveryAnswer() {
		ShipmentView later = ship("SBXQ00000031");
		ShipmentView never = ship("SBXQ00000032");
		ShipmentView undecided = ship("SBXQ00000033");
		ShipmentView moving = ship("SBXQ00000034");
		ShipmentView silent = ship("SBXQ00000035");
		Map<UUID, CarrierUpdate> first = new LinkedHashMap<>();
		List.of(later, never, undecided, moving, silent)
			.forEach((s) -> first.put(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), null)));
		this.shipments.ingestAll(first, TransitionCause.POLL);
		this.jdbc.update("update shipments set next_poll_at = timestamptz '2026-03-01T00:00:00Z' where id = any(?)",
				(Object) new UUID[] { later.id(), never.id(), undecided.id(), moving.id(), silent.id() });

		Map<UUID, CarrierUpdate> again = new LinkedHashMap<>(first);
		again.put(moving.id(),
				CarrierUpdate.of(List.of(scan("PU", "Picked up", 1), scan("IT", "Departed facility", 5)), null));
		Map<UUID, Milestone> asked = new LinkedHashMap<>();
		this.shipments.ingestAll(again, TransitionCause.POLL, (id, result, update) -> {
			asked.put(id, result.milestone());
			return id.equals(later.id()) ? NextPollSchedule.Next.after(java.time.Duration.ofHours(2))
					: id.equals(never.id()) ? NextPollSchedule.Next.after(null)
							: id.equals(moving.id()) ? NextPollSchedule.Next.after(java.time.Duration.ofHours(3))
									: id.equals(silent.id()) ? NextPollSchedule.Next.expireNow() : null;
		});

		assertThat(asked).containsOnlyKeys(later.id(), never.id(), undecided.id(), moving.id(), silent.id())
			.containsEntry(later.id(), Milestone.PICKED_UP)
			.containsEntry(moving.id(), Milestone.IN_TRANSIT);
		assertThat(this.jdbc.queryForObject(
				"select next_poll_at between now() + interval '119 minutes' and now() + interval '121 minutes' "
						+ "from shipments where id = ?",
				Boolean.class, later.id()))
			.isTrue();
		assertThat(this.jdbc.queryForObject(
				"select next_poll_at between now() + interval '179 minutes' and now() + interval '181 minutes' "
						+ "from shipments where id = ?",
				Boolean.class, moving.id()))
			.as("an answer with news is scheduled in the same transaction too")
			.isTrue();
		assertThat(nextPoll(never.id())).isNull();
		assertThat(nextPoll(undecided.id())).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
		assertThat(nextPoll(silent.id())).isNull();
		assertThat(this.shipments.byId(silent.id()).orElseThrow().milestone()).isEqualTo(Milestone.EXPIRED);
	}

	private Instant nextPoll(UUID id) {
		java.sql.Timestamp at = this.jdbc.queryForObject("select next_poll_at from shipments where id = ?",
				java.sql.Timestamp.class, id);
		return (at != null) ? at.toInstant() : null;
	}

	@Test
	void theStoredCarrierEstimateRepeatedIsQuietANewOneIsNot() {
		ShipmentView s = ship("SBXQ00000021");
		LocalDate far = LocalDate.now().plusDays(20);
		DeliveryWindow window = new DeliveryWindow(far, far.plusDays(1));
		this.shipments.ingestAll(Map.of(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), window)),
				TransitionCause.POLL);
		assertThat(this.shipments.get(this.storeId, s.id()).estimatedDelivery()).isEqualTo(window);
		this.events.clear();

		this.shipments.ingestAll(Map.of(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), window)),
				TransitionCause.POLL);
		assertThat(this.events.stream(DeliveryWindowChanged.class)).isEmpty();

		DeliveryWindow later = new DeliveryWindow(far.plusDays(2), far.plusDays(3));
		this.shipments.ingestAll(Map.of(s.id(), CarrierUpdate.of(List.of(scan("PU", "Picked up", 1)), later)),
				TransitionCause.POLL);
		assertThat(this.shipments.get(this.storeId, s.id()).estimatedDelivery()).isEqualTo(later);
		assertThat(this.events.stream(DeliveryWindowChanged.class)).extracting(DeliveryWindowChanged::current)
			.containsExactly(later);
	}

}
