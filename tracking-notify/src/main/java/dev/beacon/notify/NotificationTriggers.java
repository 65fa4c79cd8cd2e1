package dev.beacon.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
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

	private static final Logger log = LoggerFactory.getLogger(NotificationTriggers.class);

	private static final Pattern NEIGHBOUR = Pattern.compile("(?i)neighbo(u)?r|nachbar|vecino|vizinho|voisin");

	private static final Pattern PICKUP_POINT = Pattern.compile(
			"(?i)pick ?up point|access point|parcel ?shop|paketshop|locker|packstation|service ?point|point relais|"
					+ "post office|retail location|pickup location");

	private final Outbox outbox;

	private final Watches watches;

	private final Messages messages;

	private final ShipmentManagement shipments;

	private final OrderManagement orders;

	private final StoreManagement stores;

	private final NotifyProperties properties;

	private final EntityManager entityManager;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final Clock clock;

	NotificationTriggers(Outbox outbox, Watches watches, Messages messages, ShipmentManagement shipments,
			OrderManagement orders, StoreManagement stores, NotifyProperties properties, TransactionTemplate tx,
			EntityManager entityManager, DataSource dataSource, Clock clock) {
		this.outbox = outbox;
		this.watches = watches;
		this.messages = messages;
		this.shipments = shipments;
		this.orders = orders;
		this.stores = stores;
		this.properties = properties;
		this.tx = tx;
		this.entityManager = entityManager;
		this.dataSource = dataSource;
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
			this.shipments.byId(e.shipmentId()).ifPresent((v) -> this.watches.refresh(v, this.clock.instant()));
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
		if (e.cause() == TransitionCause.REPLAY || !e.slipped() || e.current() == null) {
			return;
		}
		guarded("window slipped", () -> {
			ShipmentView v = this.shipments.byId(e.shipmentId()).orElse(null);
			if (v == null || v.milestone().isTerminal()) {
				return List.of();
			}
			return List.of(new News(Trigger.DELAYED, null, e.current().latest().toString(), e.storeId(), e.orderId(),
					e.shipmentId(), v.carrier(), v.trackingNumber(), e.current(), v.statusLocation(), v.statusText(),
					null, null, this.clock.instant()));
		});
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
		if (news.isEmpty() && worse && changed && e.reason() != Reason.CONSIGNEE && e.reason() != Reason.SILENT) {
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
	 * Runs the decision and its writes inside the caller's transaction, behind a JDBC
	 * savepoint: on failure only notify's writes are undone. Pending JPA changes of the
	 * caller are flushed first, so the savepoint never swallows them.
	 */
	private void guarded(String what, Supplier<List<News>> decide) {
		if (!this.properties.enabled()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			try {
				this.tx.executeWithoutResult((s) -> decide.get().forEach(this.outbox::enqueue));
			}
			catch (RuntimeException ex) {
				log.error("Notifications for '{}' failed: {}", what, ex.getMessage(), ex);
			}
			return;
		}
		this.entityManager.flush();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Savepoint savepoint;
		try {
			savepoint = connection.setSavepoint();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot set a savepoint for notifications", ex);
		}
		try {
			decide.get().forEach(this.outbox::enqueue);
			connection.releaseSavepoint(savepoint);
		}
		catch (RuntimeException | SQLException ex) {
			try {
				connection.rollback(savepoint);
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
				throw new IllegalStateException("notifications failed and could not be undone", ex);
			}
			log.error("Notifications for '{}' failed; the status change stands: {}", what, ex.getMessage(), ex);
		}
	}

	/** Arriving tomorrow and stalled shipments: checks on what notify remembers. */
	@Scheduled(fixedDelayString = "${beacon.notify.dispatcher.check-interval:PT15M}", initialDelay = 60_000)
	void scheduledChecks() {
		if (this.properties.enabled() && this.properties.dispatcher().enabled()) {
			try {
				check();
			}
			catch (RuntimeException ex) {
				log.warn("Notification checks failed: {}", ex.getMessage(), ex);
			}
		}
	}

	/** Runs the scheduled checks once; answers how many news were found. */
	int check() {
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
