package dev.beacon.carriers.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import dev.beacon.common.BackgroundLoops;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.StoreManagement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller runs as the {@code carrier-poller} loop of core's BackgroundLoops: its own
 * thread, a tick that throws an {@link Error} does not stop the next one, and its last
 * successful tick is reported. The shipment polled here belongs to a carrier code of its
 * own, so no other test's shipment is claimed.
 */
class CarrierPollerLoopTests extends CarriersIntegrationTest {

	private static final String CARRIER = "loop-test";

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Throws a StackOverflowError (deeply nested carrier JSON) the first time it is
	 * asked.
	 */
	static final class OverflowingAdapter implements CarrierAdapter {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public String code() {
			return CARRIER;
		}

		@Override
		public boolean configured() {
			return true;
		}

		@Override
		public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
			if (this.calls.incrementAndGet() == 1) {
				throw new StackOverflowError("deeply nested carrier JSON");
			}
			return Map.of();
		}

	}

	static PollProperties properties(boolean enabled) {
		PollProperties d = PollProperties.defaults();
		return new PollProperties(enabled, Duration.ofMillis(100), d.batch(), Duration.ofMinutes(10), d.minInterval(),
				d.outForDelivery(), d.exception(), d.labelCreated(), d.inTransit(), d.longTransit(),
				d.longTransitAfter(), d.availableForPickup(), d.afterDelivery(), d.deliveredGrace(), d.silentExpiry(),
				d.failureBackoff(), d.rateLimitedBackoff(), d.notFoundBackoff(), d.misconfiguredBackoff(),
				d.concurrency(), d.lanes());
	}

	@Test
	void aTickThatThrowsAnErrorFailsAloneAndTheNextTickRunsAndIsReported() throws Exception {
		UUID storeId = CarriersTestSupport.store(this.stores, "loop");
		CarriersTestSupport.order(this.orders, storeId, "LOOP-1");
		UUID id = this.shipments.register(storeId, "LOOP-1", new RegisterShipment("SBX0000000888", null, null, null))
			.id();
		this.jdbc.update("update shipments set carrier = ?, next_poll_at = now() - interval '1 minute' where id = ?",
				CARRIER, id);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		BackgroundLoops loops = BackgroundLoops.of(Clock.systemUTC(), meters, 10, Duration.ofMinutes(5));
		OverflowingAdapter adapter = new OverflowingAdapter();
		new PollConfiguration().carrierPoller(this.shipments, List.of(adapter), CarrierMetrics.standalone(),
				properties(true), Clock.systemUTC(), new PollQueue(new NamedParameterJdbcTemplate(this.jdbc)), loops,
				null, new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(PollFallback.class));
		assertThat(loops.loops()).extracting(BackgroundLoops.Loop::name).containsExactly("carrier-poller");
		BackgroundLoops.Loop loop = loops.loops().get(0);
		assertThat(loop.interval()).isEqualTo(Duration.ofMillis(100));
		loops.start();
		try {
			// the first tick claims the shipment and dies with the Error; the next one
			// (nothing due: the claim's lease holds it) completes
			Instant deadline = Instant.now().plusSeconds(60);
			while (loop.lastSuccess() == null && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
		}
		finally {
			loops.stop();
			this.jdbc.update("update shipments set next_poll_at = null where id = ?", id);
		}
		assertThat(loop.lastSuccess()).as("a tick after the Error completed").isNotNull();
		assertThat(adapter.calls).hasValue(1);
		assertThat(meters.counter("beacon.loop.failures", "loop", "carrier-poller").count()).isEqualTo(1.0);
		assertThat(meters.get("beacon.loop.last.success").tag("loop", "carrier-poller").gauge().value())
			.isEqualTo(loop.lastSuccess().getEpochSecond());
		assertThat(loops.overdue()).isEmpty();
	}

	@Test
	void aDisabledPollerRegistersNoLoop() {
		BackgroundLoops loops = BackgroundLoops.of(Clock.systemUTC(), new SimpleMeterRegistry(), 10,
				Duration.ofMinutes(5));
		new PollConfiguration().carrierPoller(this.shipments, List.of(new OverflowingAdapter()),
				CarrierMetrics.standalone(), properties(false), Clock.systemUTC(),
				new PollQueue(new NamedParameterJdbcTemplate(this.jdbc)), loops, null,
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(PollFallback.class));
		assertThat(loops.loops()).isEmpty();
	}

}
