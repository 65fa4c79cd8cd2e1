package dev.beacon.carriers.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.StoreManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipments of a carrier without credentials are recorded as NOT_CONFIGURED in one batch
 * (one transaction, one rescheduling statement) and put off for the misconfigured
 * backoff: however many are due, they neither delay nor crowd out the shipments that can
 * be polled, and are not claimed again on the next cycle. The carrier codes are this
 * test's own, so no other test's shipment is claimed.
 */
class UnpollableShipmentsIntegrationTests extends CarriersIntegrationTest {

	private static final String POLLED = "unpoll-ok";

	private static final String UNPOLLED = "unpoll-off";

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	/** A carrier adapter that is or is not configured, counting what it is asked. */
	static final class CountingAdapter implements CarrierAdapter {

		final Map<UUID, AtomicInteger> polls = new ConcurrentHashMap<>();

		private final String code;

		private final boolean configured;

		CountingAdapter(String code, boolean configured) {
			this.code = code;
			this.configured = configured;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public boolean configured() {
			return this.configured;
		}

		@Override
		public int batchSize() {
			return 1;
		}

		@Override
		public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
			Map<UUID, CarrierUpdate> out = new LinkedHashMap<>();
			for (PollTask t : tasks) {
				this.polls.computeIfAbsent(t.shipmentId(), (k) -> new AtomicInteger()).incrementAndGet();
				out.put(t.shipmentId(), CarrierUpdate.of(List.of(), null));
			}
			return out;
		}

	}

	@Test
	void unpollableShipmentsAreRecordedInOneBatchAndNeitherStarvePollableOnesNorComeBackEachCycle() {
		UUID storeId = CarriersTestSupport.store(this.stores, "unpollable");
		CarriersTestSupport.order(this.orders, storeId, "U-1");
		List<UUID> pollable = register(storeId, 6, POLLED, 100);
		List<UUID> unpollable = register(storeId, 12, UNPOLLED, 200);
		CountingAdapter ok = new CountingAdapter(POLLED, true);
		CountingAdapter off = new CountingAdapter(UNPOLLED, false);
		PollProperties d = PollProperties.defaults();
		PollProperties props = new PollProperties(false, d.tick(), 4, d.lease(), d.minInterval(), d.outForDelivery(),
				d.exception(), d.labelCreated(), d.inTransit(), d.longTransit(), d.longTransitAfter(),
				d.availableForPickup(), d.afterDelivery(), d.deliveredGrace(), d.silentExpiry(), d.failureBackoff(),
				d.rateLimitedBackoff(), d.notFoundBackoff(), Duration.ofHours(1), d.concurrency(), d.lanes());
		CarrierPoller poller = new CarrierPoller("unpollable", this.shipments, List.of(ok, off),
				CarrierMetrics.standalone(), props, Clock.systemUTC(),
				new PollQueue(new NamedParameterJdbcTemplate(this.jdbc)));
		try {
			// the first cycle: a batch of each, the pollable ones first
			assertThat(poller.pollOnce()).isEqualTo(8);
			assertThat(ok.polls).hasSize(4);
			assertThat(poller.drain()).isEqualTo(6 + 12 - 8);

			for (UUID id : pollable) {
				assertThat(ok.polls.get(id)).as("polls of %s", id).isNotNull().hasValue(1);
				assertThat(this.shipments.byId(id).orElseThrow().lastPollOutcome()).isEqualTo(PollOutcome.OK);
			}
			assertThat(off.polls).isEmpty();
			for (UUID id : unpollable) {
				ShipmentView v = this.shipments.byId(id).orElseThrow();
				assertThat(v.lastPollOutcome()).isEqualTo(PollOutcome.NOT_CONFIGURED);
				assertThat(v.lastPollDetail()).isEqualTo(UNPOLLED + " has no credentials configured; it is not polled");
				assertThat(this.jdbc.queryForObject("""
						select next_poll_at between now() + interval '59 minutes' and now() + interval '61 minutes'
						from shipments where id = ?""", Boolean.class, id)).as("next poll of %s", id).isTrue();
			}
			assertThat(poller.pollOnce()).as("nothing of ours is claimed on the next cycle").isZero();
		}
		finally {
			this.jdbc.update("update shipments set next_poll_at = null where carrier in (?, ?)", POLLED, UNPOLLED);
		}
	}

	private List<UUID> register(UUID storeId, int count, String carrier, int from) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = this.shipments
				.register(storeId, "U-1", new RegisterShipment(String.format("SBX0%09d", from + i), null, null, null))
				.id();
			this.jdbc.update(
					"update shipments set carrier = ?, next_poll_at = now() - interval '1 minute' where id = ?",
					carrier, id);
			ids.add(id);
		}
		return ids;
	}

}
