package dev.beacon.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * News no event announces, found by looking at what notify remembers ({@link Watches}):
 * "arriving tomorrow" (the window ends tomorrow in the shopper's zone) and "stalled" (no
 * scan for the carrier's threshold). Runs as the loop {@code notify-checks}.
 */
@Component
class ScheduledChecks {

	private final Watches watches;

	private final Outbox outbox;

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final NotifyProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	ScheduledChecks(Watches watches, Outbox outbox, StoreManagement stores, OrderManagement orders,
			NotifyProperties properties, TransactionTemplate tx, Clock clock) {
		this.watches = watches;
		this.outbox = outbox;
		this.stores = stores;
		this.orders = orders;
		this.properties = properties;
		this.tx = tx;
		this.clock = clock;
	}

	/** Runs the scheduled checks once; answers how many news were found. */
	int check() {
		// business times, the app's clock: "tomorrow" in the shopper's zone and how long
		// since the carrier's last scan; the messages these news become are due by the
		// database's clock (Messages#insert)
		Instant now = this.clock.instant();
		int found = 0;
		LocalDate today = now.atZone(ZoneId.of("UTC")).toLocalDate();
		for (Watches.Watch w : this.watches.endingBetween(today, today.plusDays(2))) {
			Store store = this.stores.byId(w.storeId()).orElse(null);
			Order order = this.orders.find(w.storeId(), w.orderId()).orElse(null);
			if (store == null || order == null || w.window() == null) {
				continue;
			}
			LocalDate tomorrow = now.atZone(ShopperZones.of(order.getDestination(), store.getTimeZone()))
				.toLocalDate()
				.plusDays(1);
			if (w.window().latest().equals(tomorrow) && !w.window().earliest().isBefore(tomorrow)) {
				found++;
				News n = new News(Trigger.ARRIVING_TOMORROW, null, tomorrow.toString(), w.storeId(), w.orderId(),
						w.shipmentId(), w.carrier(), null, w.window(), null, null, null, null, now);
				this.tx.executeWithoutResult((s) -> this.outbox.enqueue(n));
			}
		}
		Instant shortest = now.minus(this.properties.stalled()
			.carriers()
			.values()
			.stream()
			.reduce(this.properties.stalled().threshold(), (a, b) -> (a.compareTo(b) < 0) ? a : b));
		for (Watches.Watch w : this.watches.silentSince(shortest)) {
			if (w.lastScanAt() == null
					|| w.lastScanAt().isAfter(now.minus(this.properties.stalled().thresholdFor(w.carrier())))) {
				continue;
			}
			Store store = this.stores.byId(w.storeId()).orElse(null);
			ZoneId zone = (store != null) ? store.getTimeZone() : ZoneId.of("UTC");
			found++;
			News n = new News(Trigger.STALLED, null, String.valueOf(w.lastScanAt().getEpochSecond()), w.storeId(),
					w.orderId(), w.shipmentId(), w.carrier(), null, w.window(), null, null,
					w.lastScanAt().atZone(zone).toLocalDate(), null, now);
			this.tx.executeWithoutResult((s) -> this.outbox.enqueue(n));
		}
		return found;
	}

}
