package dev.beacon.notify;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.beacon.common.OutboxWrites;
import dev.beacon.order.OrderCancelled;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderPlaced;
import dev.beacon.shipment.DeliveryWindowChanged;
import dev.beacon.shipment.ScansRecorded;
import dev.beacon.shipment.ShipmentRegistered;
import dev.beacon.shipment.ShipmentRemoved;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.support.HelpRequested;

/**
 * The notification policy's listeners: which of core's events is news worth a message
 * (what a shipment's status change means is {@link StatusNews}). Listeners run inside the
 * transaction that changed the status, so the outbox rows commit (or roll back) with it;
 * each runs behind a savepoint, so a failure here is logged and never undoes the status
 * change. Replayed transitions (a mapping table changed) are never news.
 */
@Component
class NotificationTriggers {

	private final Outbox outbox;

	private final Watches watches;

	private final Messages messages;

	private final OrderManagement orders;

	private final NotifyProperties properties;

	private final OutboxWrites outboxWrites;

	private final Clock clock;

	NotificationTriggers(Outbox outbox, Watches watches, Messages messages, OrderManagement orders,
			NotifyProperties properties, OutboxWrites outboxWrites, Clock clock) {
		this.outbox = outbox;
		this.watches = watches;
		this.messages = messages;
		this.orders = orders;
		this.properties = properties;
		this.outboxWrites = outboxWrites;
		this.clock = clock;
	}

	@EventListener
	void on(OrderPlaced e) {
		if (!e.confirm()) {
			return;
		}
		guarded("order placed", () -> List
			.of(News.ofOrder(Trigger.ORDER_CONFIRMED, e.storeId(), e.orderId(), "", null, this.clock.instant())));
	}

	@EventListener
	void on(HelpRequested e) {
		guarded("help requested", () -> List.of(News.ofOrder(Trigger.HELP_RECEIVED, e.storeId(), e.orderId(),
				e.helpRequestId().toString(), e.contactEmailOrNull(), this.clock.instant())));
	}

	/**
	 * A cancelled order: pending messages never go, its shipments are no longer watched,
	 * and the "order cancelled" message goes where the store switched it on.
	 */
	@EventListener
	void on(OrderCancelled e) {
		guarded("order cancelled", () -> {
			this.messages.suppressPending(e.storeId(), e.orderId(), null, "not sent: the order was cancelled");
			this.watches.forget(e.orderId(), null);
			return List.of(News.ofOrder(Trigger.ORDER_CANCELLED, e.storeId(), e.orderId(), "", null, e.cancelledAt()));
		});
	}

	/** A shipment removed by mistake: nothing is said, pending news of it never goes. */
	@EventListener
	void on(ShipmentRemoved e) {
		guarded("shipment removed", () -> {
			this.messages.suppressPending(e.storeId(), e.orderId(), e.shipmentId(),
					"not sent: the shipment was removed by the store");
			this.watches.forget(e.orderId(), e.shipmentId());
			return List.of();
		});
	}

	@EventListener
	void on(ShipmentRegistered e) {
		guarded("shipment registered", () -> {
			this.watches.refresh(new Watches.Watch(e.shipmentId(), e.storeId(), e.orderId(), e.carrier(), e.milestone(),
					e.estimatedDelivery(), null), this.clock.instant());
			return List.of();
		});
	}

	@EventListener
	void on(ShipmentStatusChanged e) {
		if (e.cause() == TransitionCause.REPLAY) {
			return;
		}
		List<News> news = StatusNews.of(e); // pure: no savepoint when nothing is news
		if (!news.isEmpty()) {
			guarded("status changed", () -> news);
		}
	}

	@EventListener
	void on(DeliveryWindowChanged e) {
		if (e.cause() == TransitionCause.REPLAY || !e.slipped() || e.current() == null || e.milestone().isTerminal()) {
			return;
		}
		guarded("window slipped",
				() -> List.of(new News(Trigger.DELAYED, null, e.current().latest().toString(), e.storeId(), e.orderId(),
						e.shipmentId(), e.carrier(), e.trackingNumber(), e.current(), e.statusLocation(),
						e.statusText(), null, null, this.clock.instant())));
	}

	/**
	 * New scans: the watch follows the shipment, and "arrived in the destination country"
	 * may be news; both from the event's facts (the order is read only when the newest
	 * scan is in transit).
	 */
	@EventListener
	void on(ScansRecorded e) {
		ScansRecorded.After after = e.after();
		if (e.newScans() == 0 || after == null) {
			return;
		}
		guarded("scans recorded", () -> {
			this.watches.refresh(new Watches.Watch(e.shipmentId(), e.storeId(), after.orderId(), e.carrier(),
					after.milestone(), after.estimatedDelivery(), after.lastEventAt()), this.clock.instant());
			News arrived = StatusNews.arrivedInDestinationCountry(e,
					() -> this.orders.find(e.storeId(), after.orderId())
						.map((o) -> o.getDestination().country())
						.orElse(null));
			return (arrived != null) ? List.of(arrived) : List.of();
		});
	}

	/**
	 * Runs the decision and its writes through core's {@link OutboxWrites} (in the
	 * caller's transaction just before it commits, behind one savepoint with the
	 * transaction's other such writes): on failure only these writes are undone and the
	 * status change stands (ADR 0004).
	 */
	private void guarded(String what, Supplier<List<News>> decide) {
		if (this.properties.enabled()) {
			this.outboxWrites.beforeCommit("notify: " + what, () -> decide.get().forEach(this.outbox::enqueue));
		}
	}

}
