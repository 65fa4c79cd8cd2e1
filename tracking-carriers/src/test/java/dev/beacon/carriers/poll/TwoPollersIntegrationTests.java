package dev.beacon.carriers.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.NextPollSchedule;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class TwoPollersIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	/** Counts how often each shipment is asked about; answers "nothing new". */
	static final class RecordingAdapter implements CarrierAdapter {

		final Map<UUID, AtomicInteger> polls = new ConcurrentHashMap<>();

		@Override
		public String code() {
			return "sandbox";
		}

		@Override
		public boolean configured() {
			return true;
		}

		@Override
		public int batchSize() {
			return 3;
		}

		@Override
		public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
			Map<UUID, CarrierUpdate> out = new LinkedHashMap<>();
			for (PollTask t : tasks) {
				this.polls.computeIfAbsent(t.shipmentId(), (k) -> new AtomicInteger()).incrementAndGet();
				out.put(t.shipmentId(), CarrierUpdate.of(List.of(), null));
			}
			Thread.yield();
			return out;
		}

	}

	@Test
	void claimedShipmentsAreLeasedByTheDatabaseClockAndScheduledByIt() {
		UUID storeId = CarriersTestSupport.store(this.stores, "lease");
		CarriersTestSupport.order(this.orders, storeId, "L-1");
		UUID id = this.shipments.register(storeId, "L-1", new RegisterShipment("SBX0000000777", null, null, null)).id();
		this.jdbc.update("update shipments set next_poll_at = now() - interval '1 minute' where id = ?", id);
		PollQueue queue = new PollQueue(new NamedParameterJdbcTemplate(this.jdbc));
		List<PollTask> first = queue.claimDue(List.of("sandbox"), 10_000, Duration.ofMinutes(10));
		assertThat(first).extracting(PollTask::shipmentId).contains(id);
		assertThat(queue.claimDue(List.of("sandbox"), 10_000, Duration.ofMinutes(10))).extracting(PollTask::shipmentId)
			.doesNotContain(id);
		assertThat(this.jdbc.queryForObject("""
				select next_poll_at between now() + interval '9 minutes' and now() + interval '11 minutes'
				from shipments where id = ?""", Boolean.class, id)).isTrue();

		// the next poll as the poller has core write it with the record: the first answer
		// through the status engine, the second (nothing new) as a quiet one
		this.shipments.ingestAll(Map.of(id, CarrierUpdate.of(List.of(), null)), TransitionCause.POLL,
				(i, result, update) -> NextPollSchedule.Next.after(Duration.ofHours(2)));
		assertThat(this.jdbc.queryForObject("""
				select next_poll_at between now() + interval '119 minutes' and now() + interval '121 minutes'
				from shipments where id = ?""", Boolean.class, id)).isTrue();
		this.shipments.ingestAll(Map.of(id, CarrierUpdate.of(List.of(), null)), TransitionCause.POLL,
				(i, result, update) -> NextPollSchedule.Next.after(null));
		assertThat(this.jdbc.queryForObject("select next_poll_at from shipments where id = ?", Instant.class, id))
			.isNull();
	}

	@Test
	void twoInstancesOnOneDatabaseNeverPollAShipmentTwiceAndSkipNone() throws Exception {
		UUID storeId = CarriersTestSupport.store(this.stores, "two-pollers");
		CarriersTestSupport.order(this.orders, storeId, "P-1");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String number = String.format("SBX0%09d", i);
			ids.add(this.shipments.register(storeId, "P-1", new RegisterShipment(number, null, null, Instant.now()))
				.id());
		}
		RecordingAdapter adapter = new RecordingAdapter();
		PollProperties props = new PollProperties(false, Duration.ofSeconds(1), 4, Duration.ofMinutes(5),
				Duration.ofSeconds(2), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
				Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(48), Duration.ofHours(4),
				Duration.ofHours(6), Duration.ofHours(24), Duration.ofDays(30), Duration.ofMinutes(10),
				Duration.ofMinutes(15), Duration.ofHours(3), Duration.ofHours(1), 4, 2);
		CarrierMetrics metrics = CarrierMetrics.standalone();
		PollQueue queue = new PollQueue(new NamedParameterJdbcTemplate(this.jdbc));
		CarrierPoller a = new CarrierPoller("a", this.shipments, List.of(adapter), metrics, props, Clock.systemUTC(),
				queue);
		CarrierPoller b = new CarrierPoller("b", this.shipments, List.of(adapter), metrics, props, Clock.systemUTC(),
				queue);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch go = new CountDownLatch(1);
		try {
			Future<Integer> fa = pool.submit(() -> {
				go.await();
				return a.drain();
			});
			Future<Integer> fb = pool.submit(() -> {
				go.await();
				return b.drain();
			});
			go.countDown();
			int total = fa.get(60, TimeUnit.SECONDS) + fb.get(60, TimeUnit.SECONDS);
			assertThat(total).isGreaterThanOrEqualTo(ids.size());
		}
		finally {
			pool.shutdownNow();
		}
		for (UUID id : ids) {
			assertThat(adapter.polls.get(id)).as("polls of %s", id).isNotNull().hasValue(1);
			ShipmentView v = this.shipments.byId(id).orElseThrow();
			assertThat(v.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
		}
		Set<UUID> mine = Set.copyOf(ids);
		assertThat(adapter.polls.keySet()).containsAll(mine);
		assertThat(a.drain() + b.drain()).as("nothing of ours is due again within the interval").isZero();
	}

	/**
	 * Answers the first shipment of each conversation with a new scan (news, so the
	 * status engine records it) and the others with nothing new.
	 */
	static final class OneNewsAdapter implements CarrierAdapter {

		@Override
		public String code() {
			return "sandbox";
		}

		@Override
		public boolean configured() {
			return true;
		}

		@Override
		public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
			Map<UUID, CarrierUpdate> out = new LinkedHashMap<>();
			out.put(tasks.get(0).shipmentId(), CarrierUpdate
				.of(List.of(Fixtures.scan("IT", "Departed facility", Instant.now().minusSeconds(60))), null));
			tasks.stream().skip(1).forEach((t) -> out.put(t.shipmentId(), CarrierUpdate.of(List.of(), null)));
			return out;
		}

	}

	/**
	 * The instance dies right after a claim's answers are recorded (an error thrown where
	 * the poller next runs, as a kill -9 there would stop it): each shipment's next poll
	 * was committed with its record, so none is due again when its lease ends, to be
	 * polled a second time in its interval (the scale-out run counted 29 such polls when
	 * the schedule was a statement of its own after the record).
	 */
	@Test
	void anInstanceKilledRightAfterRecordingLeavesEveryShipmentScheduled() {
		UUID storeId = CarriersTestSupport.store(this.stores, "killed-poller");
		CarriersTestSupport.order(this.orders, storeId, "K-1");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			UUID id = this.shipments
				.register(storeId, "K-1", new RegisterShipment(String.format("SBX0%09d", 700 + i), null, null, null))
				.id();
			ids.add(id);
		}
		// asked once before, so that the answers without news are recorded as quiet
		this.shipments.ingestAll(
				Map.of(ids.get(1), CarrierUpdate.of(List.of(), null), ids.get(2), CarrierUpdate.of(List.of(), null)),
				TransitionCause.POLL);
		this.jdbc.update("update shipments set next_poll_at = now() - interval '1 minute' where id = any(?)",
				(Object) ids.toArray(UUID[]::new));
		CarrierMetrics dying = new CarrierMetrics(
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class)) {
			@Override
			public void scansIngested(String carrier, int count) {
				throw new Error("killed right after the record");
			}
		};
		PollProperties d = PollProperties.defaults();
		PollProperties props = new PollProperties(false, d.tick(), 10, Duration.ofMinutes(5), d.minInterval(),
				d.outForDelivery(), d.exception(), d.labelCreated(), Duration.ofHours(2), d.longTransit(),
				d.longTransitAfter(), d.availableForPickup(), d.afterDelivery(), d.deliveredGrace(), d.silentExpiry(),
				d.failureBackoff(), d.rateLimitedBackoff(), d.notFoundBackoff(), d.misconfiguredBackoff(), 1, 1);
		try (CarrierPoller poller = new CarrierPoller("killed", this.shipments, List.of(new OneNewsAdapter()), dying,
				props, Clock.systemUTC(), new PollQueue(new NamedParameterJdbcTemplate(this.jdbc)))) {
			org.assertj.core.api.Assertions.assertThatThrownBy(poller::pollOnce)
				.hasMessageContaining("killed right after the record");
		}
		assertThat(this.shipments.byId(ids.get(0)).orElseThrow().events()).as("the news was recorded").hasSize(1);
		for (UUID id : ids) {
			assertThat(this.jdbc.queryForObject("""
					select next_poll_at > now() + interval '30 minutes' from shipments where id = ?""", Boolean.class,
					id))
				.as("%s is scheduled past its 5-minute lease", id)
				.isTrue();
		}
	}

	/**
	 * Answers only once {@code expected} conversations are open at the same time (one
	 * number each); a conversation that waits in vain answers SERVER_ERROR.
	 */
	static final class RendezvousAdapter implements CarrierAdapter {

		final CountDownLatch open;

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger mostInFlight = new AtomicInteger();

		RendezvousAdapter(int expected) {
			this.open = new CountDownLatch(expected);
		}

		@Override
		public String code() {
			return "rendezvous";
		}

		@Override
		public boolean configured() {
			return true;
		}

		@Override
		public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			this.open.countDown();
			try {
				boolean all = this.open.await(10, TimeUnit.SECONDS);
				return Map.of(tasks.get(0).shipmentId(), all ? CarrierUpdate.of(List.of(), null)
						: CarrierUpdate.failed(PollOutcome.SERVER_ERROR, "asked alone"));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}

	}

	@Test
	void theConversationsOfAClaimAreHeldAtOnceAndRecordedTogether() {
		UUID storeId = CarriersTestSupport.store(this.stores, "concurrent-poller");
		CarriersTestSupport.order(this.orders, storeId, "C-1");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			UUID id = this.shipments
				.register(storeId, "C-1", new RegisterShipment(String.format("SBX0%09d", 500 + i), null, null, null))
				.id();
			this.jdbc.update(
					"update shipments set carrier = 'rendezvous', next_poll_at = now() - interval '1 minute' where id = ?",
					id);
			ids.add(id);
		}
		RendezvousAdapter adapter = new RendezvousAdapter(6);
		PollProperties d = PollProperties.defaults();
		PollProperties props = new PollProperties(false, d.tick(), 6, d.lease(), d.minInterval(), d.outForDelivery(),
				d.exception(), d.labelCreated(), d.inTransit(), d.longTransit(), d.longTransitAfter(),
				d.availableForPickup(), d.afterDelivery(), d.deliveredGrace(), d.silentExpiry(), d.failureBackoff(),
				d.rateLimitedBackoff(), d.notFoundBackoff(), d.misconfiguredBackoff(), 6, 1);
		try (CarrierPoller poller = new CarrierPoller("concurrent", this.shipments, List.of(adapter),
				CarrierMetrics.standalone(), props, Clock.systemUTC(),
				new PollQueue(new NamedParameterJdbcTemplate(this.jdbc)))) {
			assertThat(poller.pollOnce()).isEqualTo(6);
		}
		assertThat(adapter.mostInFlight).hasValue(6);
		for (UUID id : ids) {
			ShipmentView v = this.shipments.byId(id).orElseThrow();
			assertThat(v.lastPollOutcome()).as("outcome of %s", id).isEqualTo(PollOutcome.OK);
			assertThat(v.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
		}
	}

	@Test
	void lanesWorkOnSeveralClaimsAtOnce() {
		UUID storeId = CarriersTestSupport.store(this.stores, "poller-lanes");
		CarriersTestSupport.order(this.orders, storeId, "L-2");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			UUID id = this.shipments
				.register(storeId, "L-2", new RegisterShipment(String.format("SBX0%09d", 600 + i), null, null, null))
				.id();
			this.jdbc.update(
					"update shipments set carrier = 'rendezvous', next_poll_at = now() - interval '1 minute' where id = ?",
					id);
			ids.add(id);
		}
		RendezvousAdapter adapter = new RendezvousAdapter(2);
		PollProperties d = PollProperties.defaults();
		PollProperties props = new PollProperties(false, d.tick(), 1, d.lease(), d.minInterval(), d.outForDelivery(),
				d.exception(), d.labelCreated(), d.inTransit(), d.longTransit(), d.longTransitAfter(),
				d.availableForPickup(), d.afterDelivery(), d.deliveredGrace(), d.silentExpiry(), d.failureBackoff(),
				d.rateLimitedBackoff(), d.notFoundBackoff(), d.misconfiguredBackoff(), 1, 2);
		try (CarrierPoller poller = new CarrierPoller("lanes", this.shipments, List.of(adapter),
				CarrierMetrics.standalone(), props, Clock.systemUTC(),
				new PollQueue(new NamedParameterJdbcTemplate(this.jdbc)))) {
			assertThat(poller.drain()).isEqualTo(2);
		}
		assertThat(adapter.mostInFlight).hasValue(2);
		for (UUID id : ids) {
			assertThat(this.shipments.byId(id).orElseThrow().lastPollOutcome()).as("outcome of %s", id)
				.isEqualTo(PollOutcome.OK);
		}
	}

}
