package dev.beacon.shipment;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;

import dev.beacon.order.OrderManagement;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.Fixtures.StoreFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On-demand refreshes are bounded (issue 12, H4): one store's refreshes run at most
 * {@code beacon.refresh.per-store-concurrency} at once, the next waits at most
 * {@code max-wait} and is then refused with a Retry-After; a refresh whose carrier
 * answered that the quota is spent is refused with the carrier's wait, not answered as if
 * it had been refreshed.
 */
@SpringBootTest
class RefreshLimitsIntegrationTests {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	Shipments repository;

	@Autowired
	ShipmentTransitions transitions;

	@Autowired
	ShipmentTracking tracking;

	@Autowired
	CarrierDirectory directory;

	@Autowired
	Clock clock;

	@Autowired
	ShipmentViews views;

	@Autowired
	ShipmentCorrections corrections;

	@Autowired
	PollBatches batches;

	@Test
	void aStoresRefreshesBeyondItsConcurrencyWaitAtMostMaxWaitThenAre429() throws Exception {
		Refreshes refreshes = new Refreshes(new RefreshProperties(5, 1, Duration.ofMillis(50), 0.2),
				provider(Clock.class, this.clock));
		UUID store = UUID.randomUUID();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<String> first = pool.submit(() -> refreshes.run(store, UUID.randomUUID(), () -> {
				running.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return "first";
			}));
			assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> refreshes.run(store, UUID.randomUUID(), () -> "second")).isInstanceOfSatisfying(
					RefreshLimitedException.class, (ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(1));
			assertThat(refreshes.run(UUID.randomUUID(), UUID.randomUUID(), () -> "another store"))
				.isEqualTo("another store");
			release.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(refreshes.run(store, UUID.randomUUID(), () -> "after")).isEqualTo("after");
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aRefreshWhoseCarrierQuotaIsSpentIsRefusedWithTheCarriersWait() {
		StoreFixture store = new Fixtures(this.stores, this.orders, this.shipments).store("refresh-quota");
		ShipmentView s = store.order("Q-1").shipment("SBX0000000321").view();
		CarrierPolling spent = (id) -> this.shipments.ingest(id,
				CarrierUpdate.failed(PollOutcome.RATE_LIMITED, "the budget for this period is spent; retry after 120s"),
				TransitionCause.POLL);
		ShipmentManagement withCarrier = new ShipmentManagement(this.repository, this.transitions, this.orders,
				this.tracking, this.directory, provider(CarrierPolling.class, spent), this.clock,
				new Refreshes(new RefreshProperties(5, 4, Duration.ofSeconds(3), 0.2),
						provider(Clock.class, this.clock)),
				this.views, this.corrections, this.batches);
		assertThatThrownBy(() -> withCarrier.refresh(store.id(), s.id())).isInstanceOfSatisfying(
				RefreshLimitedException.class, (ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(120));
		CarrierPolling fine = (id) -> this.shipments.ingest(id, CarrierUpdate.of(java.util.List.of(), null),
				TransitionCause.POLL);
		ShipmentManagement answering = new ShipmentManagement(this.repository, this.transitions, this.orders,
				this.tracking, this.directory, provider(CarrierPolling.class, fine), this.clock,
				new Refreshes(new RefreshProperties(5, 4, Duration.ofSeconds(3), 0.2),
						provider(Clock.class, this.clock)),
				this.views, this.corrections, this.batches);
		assertThat(answering.refresh(store.id(), s.id()).lastPollOutcome()).isEqualTo(PollOutcome.OK);
	}

	private static <T> org.springframework.beans.factory.ObjectProvider<T> provider(Class<T> type, T bean) {
		return new StaticListableBeanFactory(Map.of(type.getSimpleName(), bean)).getBeanProvider(type);
	}

}
