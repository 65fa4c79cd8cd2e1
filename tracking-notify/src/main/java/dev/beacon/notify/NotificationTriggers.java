package dev.beacon.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.beacon.common.OutboxWrites;
import dev.beacon.order.Order;
import dev.beacon.order.OrderCancelled;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderPlaced;
import dev.beacon.shipment.DeliveryWindowChanged;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ScansRecorded;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentRegistered;
import dev.beacon.shipment.ShipmentRemoved;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.support.HelpRequested;

/**
 * The notification policy: which of core's events is news worth a message. Listeners run
 * inside the transaction that changed the status, so the outbox rows commit (or roll
 * back) with it; each runs behind a savepoint, so a failure here is logged and never
 * undoes the status change. Replayed transitions (a mapping table changed) are never
 * news.
 */
@Component
class NotificationTriggers {

	private static final Pattern NEIGHBOUR = Pattern.compile("(?i)neighbo(u)?r|nachbar|vecino|vizinho|voisin");

	private static final Pattern PICKUP_POINT = Pattern.compile(
			"(?i)pick ?up point|access point|parcel ?shop|paketshop|locker|packstation|service ?point|point relais|"
					+ "post office|retail location|pickup location");

	/** Milestone news that already asks the shopper to do something. */
	private static final Set<Trigger> ASKS_TO_ACT = EnumSet.of(Trigger.DELIVERY_ATTEMPTED, Trigger.AVAILABLE_FOR_PICKUP,
			Trigger.EXCEPTION);

	private final Outbox outbox;

	private final Watches watches;

	private final Messages messages;

	private final ShipmentManagement shipments;

	private final OrderManagement orders;

	private final NotifyProperties properties;

	private final OutboxWrites outboxWrites;

	private final Clock clock;

	NotificationTriggers(Outbox outbox, Watches watches, Messages messages, ShipmentManagement shipments,
			OrderManagement orders, NotifyProperties properties, OutboxWrites outboxWrites, Clock clock) {
		this.outbox = outbox;
		this.watches = watches;
		this.messages = messages;
		this.shipments = shipments;
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
		guarded("status changed", () -> news(e));
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

	@EventListener
	void on(ScansRecorded e) {
		if (e.newScans() == 0) {
			return;
		}
		guarded("scans recorded", () -> {
			ShipmentView v = this.shipments.byId(e.shipmentId()).orElse(null);
			if (v == null) {
				return List.of();
			}
			this.watches.refresh(v, this.clock.instant());
			News arrived = arrivedInDestinationCountry(v);
			return (arrived != null) ? List.of(arrived) : List.of();
		});
	}

	/** Status changes that are news (several at once coalesce by priority). */
	List<News> news(ShipmentStatusChanged e) {
		List<News> news = new ArrayList<>();
		Milestone from = e.fromMilestone();
		Milestone to = e.toMilestone();
		Instant at = (e.occurredAt() != null) ? e.occurredAt() : e.recordedAt();
		if (from != to) {
			switch (to) {
				case PICKED_UP, IN_TRANSIT -> {
					if (from.rank() < Milestone.PICKED_UP.rank()) {
						news.add(shipmentNews(e, Trigger.SHIPPED, null, ""));
					}
				}
				case OUT_FOR_DELIVERY -> news
					.add(shipmentNews(e, Trigger.OUT_FOR_DELIVERY, null, String.valueOf(at.getEpochSecond() / 86400)));
				case DELIVERY_ATTEMPTED ->
					news.add(shipmentNews(e, Trigger.DELIVERY_ATTEMPTED, null, String.valueOf(at.getEpochSecond())));
				case AVAILABLE_FOR_PICKUP -> news.add(shipmentNews(e, Trigger.AVAILABLE_FOR_PICKUP, null, ""));
				case DELIVERED -> news.add(shipmentNews(e, Trigger.DELIVERED, deliveredVariant(e.statusText()), ""));
				case RETURNING, RETURNED -> news.add(shipmentNews(e, Trigger.EXCEPTION, "returned", "returned"));
				case EXPIRED -> news.add(shipmentNews(e, Trigger.STALLED, null, "expired"));
				default -> {
				}
			}
		}
		boolean worse = e.toHealth() == Health.EXCEPTION || e.toHealth() == Health.ACTION_REQUIRED;
		boolean changed = e.fromHealth() != e.toHealth() || from != to;
		// news that asks the shopper to act is never swallowed by milestone news of the
		// same poll (e.g. out for delivery plus an address problem): both are queued and
		// coalescing lets the more important (the action) win
		boolean alsoAction = e.toHealth() == Health.ACTION_REQUIRED
				&& news.stream().noneMatch((n) -> ASKS_TO_ACT.contains(n.trigger()));
		if ((news.isEmpty() || alsoAction) && worse && changed && e.reason() != Reason.CONSIGNEE
				&& e.reason() != Reason.SILENT) {
			String variant = exceptionVariant(e.reason());
			news.add(shipmentNews(e, Trigger.EXCEPTION, variant,
					(variant != null) ? variant : String.valueOf(e.reason())));
		}
		return news;
	}

	private News shipmentNews(ShipmentStatusChanged e, Trigger trigger, @Nullable String variant,
			String discriminator) {
		return new News(trigger, variant, discriminator, e.storeId(), e.orderId(), e.shipmentId(), e.carrier(),
				e.trackingNumber(), e.estimatedDelivery(), e.statusLocation(), e.statusText(), null, null,
				e.recordedAt());
	}

	static @Nullable String deliveredVariant(@Nullable String statusText) {
		if (statusText == null) {
			return null;
		}
		if (NEIGHBOUR.matcher(statusText).find()) {
			return "neighbour";
		}
		return PICKUP_POINT.matcher(statusText).find() ? "pickup_point" : null;
	}

	static @Nullable String exceptionVariant(@Nullable Reason reason) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case ADDRESS -> "address";
			case DAMAGED -> "damaged";
			case LOST -> "lost";
			case RETURN_TO_SENDER, REFUSED -> "returned";
			default -> null;
		};
	}

	/**
	 * "Arrived in the destination country" after scans abroad: the meaningful in-transit
	 * news.
	 */
	private @Nullable News arrivedInDestinationCountry(ShipmentView v) {
		if (v.milestone() != Milestone.IN_TRANSIT || v.events().isEmpty()) {
			return null;
		}
		Order order = this.orders.find(v.storeId(), v.orderId()).orElse(null);
		String destination = (order != null) ? order.getDestination().country() : null;
		if (destination == null) {
			return null;
		}
		ScanView newest = v.events().get(0);
		if (!destination.equalsIgnoreCase(newest.location().country())) {
			return null;
		}
		boolean abroad = false;
		for (ScanView older : v.events().subList(1, v.events().size())) {
			String c = older.location().country();
			if (c != null && c.equalsIgnoreCase(destination)) {
				return null; // already arrived before
			}
			abroad |= (c != null);
		}
		if (!abroad) {
			return null;
		}
		return new News(Trigger.IN_TRANSIT_UPDATE, null, "arrived:" + destination, v.storeId(), v.orderId(), v.id(),
				v.carrier(), v.trackingNumber(), v.estimatedDelivery(), newest.location().label(), newest.description(),
				null, null, newest.occurredAt());
	}

	/**
	 * Runs the decision and its writes through core's {@link OutboxWrites} (in the
	 * caller's transaction, behind a savepoint): on failure only notify's writes are
	 * undone and the status change stands (ADR 0004).
	 */
	private void guarded(String what, Supplier<List<News>> decide) {
		if (this.properties.enabled()) {
			this.outboxWrites.guarded("notify: " + what, () -> decide.get().forEach(this.outbox::enqueue));
		}
	}

}
