package dev.beacon.shipment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Bounds on-demand refreshes: at most {@code perShipmentPerMinute} refreshes of one
 * shipment a minute, at most {@code perStoreConcurrency} of one store at once (a refresh
 * waits {@code maxWait} for a slot), else 429 with {@code Retry-After}. While a refresh
 * runs, {@link #active()} is true on its thread so the carriers module spends only the
 * on-demand share of its budgets and waits at most {@code maxWait} for quota.
 */
@Component
@EnableConfigurationProperties(RefreshProperties.class)
public class Refreshes {

	private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

	private final RefreshProperties properties;

	private final Clock clock;

	private final Map<UUID, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final Map<UUID, Semaphore> slots = new ConcurrentHashMap<>();

	Refreshes(RefreshProperties properties, ObjectProvider<Clock> clock) {
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Whether the current thread is running an on-demand refresh. */
	public static boolean active() {
		return ACTIVE.get();
	}

	public RefreshProperties properties() {
		return this.properties;
	}

	<T> T run(UUID storeId, UUID shipmentId, Supplier<T> refresh) {
		countShipment(shipmentId);
		Semaphore slot = this.slots.computeIfAbsent(storeId,
				(k) -> new Semaphore(Math.max(1, this.properties.perStoreConcurrency())));
		boolean acquired;
		try {
			acquired = slot.tryAcquire(this.properties.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new RefreshLimitedException("too many refreshes of this store at once", Duration.ofSeconds(1));
		}
		boolean before = ACTIVE.get();
		ACTIVE.set(true);
		try {
			return refresh.get();
		}
		finally {
			ACTIVE.set(before);
			slot.release();
		}
	}

	private void countShipment(UUID shipmentId) {
		Instant now = this.clock.instant();
		Instant since = now.minus(Duration.ofMinutes(1));
		Deque<Instant> times = this.recent.computeIfAbsent(shipmentId, (k) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
				times.pollFirst();
			}
			if (times.size() >= this.properties.perShipmentPerMinute()) {
				Duration wait = Duration.between(now, times.peekFirst().plus(Duration.ofMinutes(1)));
				throw new RefreshLimitedException("this shipment was refreshed "
						+ this.properties.perShipmentPerMinute() + " times in the last minute", wait);
			}
			times.addLast(now);
		}
		if (this.recent.size() > 10_000) {
			this.recent.entrySet().removeIf((e) -> {
				synchronized (e.getValue()) {
					return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(since);
				}
			});
		}
	}

}
