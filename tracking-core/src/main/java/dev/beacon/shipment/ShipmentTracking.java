package dev.beacon.shipment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderStatus;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;
import dev.beacon.status.Progress;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * The status engine: stores a carrier conversation's new scans, and re-derives a
 * shipment's status from all its stored scans (fold, delivery window, promise overlay,
 * transition, events, order status). Registration, ingest, expiry and replay all end in
 * {@link #recompute}, the one place a status changes.
 */
@Component
class ShipmentTracking {

	private final Shipments shipments;

	private final TrackingEvents events;

	private final ShipmentTransitions transitions;

	private final Normalizer normalizer;

	private final OrderManagement orders;

	private final StoreManagement stores;

	private final List<DeliveryEstimator> estimators;

	private final ApplicationEventPublisher publisher;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ScanStore scans;

	private final OrderFacts orderFacts;

	private final EntityManager entityManager;

	ShipmentTracking(Shipments shipments, TrackingEvents events, ShipmentTransitions transitions, Normalizer normalizer,
			OrderManagement orders, StoreManagement stores, List<DeliveryEstimator> estimators,
			ApplicationEventPublisher publisher, JdbcTemplate jdbc, Clock clock, ScanStore scans, OrderFacts orderFacts,
			EntityManager entityManager) {
		this.shipments = shipments;
		this.events = events;
		this.transitions = transitions;
		this.normalizer = normalizer;
		this.orders = orders;
		this.stores = stores;
		this.estimators = estimators;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.clock = clock;
		this.scans = scans;
		this.orderFacts = orderFacts;
		this.entityManager = entityManager;
	}

	/**
	 * A shipment was just registered: tell listeners ({@link ShipmentRegistered}), then
	 * place its window; no status is published yet.
	 */
	void registered(Shipment shipment, Order order) {
		this.publisher.publishEvent(new ShipmentRegistered(shipment.getStoreId(), order.getId(), shipment.getId(),
				shipment.getCarrier(), shipment.getTrackingNumber(), slug(shipment.getStoreId()),
				order.getOrderNumber(), shipment.status().milestone(), shipment.status().estimatedDelivery()));
		recompute(shipment, TransitionCause.REGISTRATION);
	}

	/**
	 * Stores the new scans of a carrier conversation, records how it went, and re-derives
	 * the shipment's status. A failed conversation stores its outcome and touches no
	 * scan. The first conversation, failed or not, also settles the delivery window, so
	 * the status is re-derived then too. {@code table} names the mapping table of the
	 * source that reported the scans ({@code 17track}, {@code easypost}, {@code store});
	 * null means the shipment's carrier's. Each scan is stored under the table that read
	 * it, so replay re-reads it with the same table.
	 */
	@Transactional
	public Ingested ingest(UUID shipmentId, CarrierUpdate update, TransitionCause cause, @Nullable String table) {
		Shipment shipment = lock(shipmentId).orElseThrow(() -> ShipmentException.notFound(shipmentId));
		Instant now = this.clock.instant();
		boolean first = shipment.status().lastPolledAt() == null;
		ScanStore.Stored stored = this.scans.stored(shipmentId);
		Set<String> known = new HashSet<>(stored.keys());
		String mapping = (table != null) ? table : shipment.getCarrier();
		String version = this.normalizer.version(mapping);
		List<TrackingEvent> fresh = new ArrayList<>();
		for (RawScan scan : update.scans()) {
			if (known.add(scan.effectiveDedupKey())) {
				Normalization n = this.normalizer.normalize(mapping, scan.rawCode(), scan.rawText());
				fresh.add(new TrackingEvent(shipment, mapping, scan, n, version, cause.name().toLowerCase(Locale.ROOT),
						now));
			}
		}
		int inserted = this.scans.insert(fresh);
		shipment.polled(update.outcome(), update.detail(), now);
		shipment.carrierEstimate(update.carrierEstimate());
		List<FoldedScan> history = null;
		if (first || !fresh.isEmpty() || update.carrierEstimate() != null) {
			// all new scans stored (the shipment is locked): the history is known without
			// reading it again
			history = (inserted == fresh.size()) ? stored.with(fresh) : this.scans.history(shipmentId);
			recompute(shipment, cause, history);
		}
		this.publisher.publishEvent(new ScansRecorded(shipment.getStoreId(), shipmentId, shipment.getCarrier(),
				fresh.size(), update.outcome(), (history != null && !fresh.isEmpty() && !shipment.isRemoved())
						? ScansRecorded.After.of(shipment, history) : null));
		return new Ingested(fresh.size(), shipment.status().milestone(), shipment.status().health(),
				shipment.getShippedAt(), shipment.getCreatedAt(), shipment.status().deliveredAt(),
				shipment.status().lastEventAt());
	}

	/** Marks a shipment that has been silent too long as EXPIRED and stops polling it. */
	@Transactional
	public void expire(UUID shipmentId) {
		Shipment s = lock(shipmentId).orElseThrow(() -> ShipmentException.notFound(shipmentId));
		if (!s.status().milestone().isTerminal()) {
			s.expire(this.clock.instant());
			recompute(s, TransitionCause.EXPIRY);
		}
	}

	/**
	 * Re-reads the stored scans of up to {@code limit} shipments of {@code carrier} whose
	 * rules version differs from {@code version}, and re-derives them (cause REPLAY).
	 * Holds a transaction-scoped advisory lock per carrier, so instances replaying at
	 * once take turns, batch by batch. Answers the number of shipments re-derived; zero
	 * means the carrier's scans are all current.
	 */
	@Transactional
	public int replayBatch(String carrier, String version, int limit) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "beacon.replay." + carrier);
		List<UUID> stale = this.events.staleShipments(carrier, version, Limit.of(limit));
		for (UUID id : stale) {
			for (TrackingEvent e : this.events.chronological(id)) {
				if (e.getCarrier().equals(carrier) && !version.equals(e.getRulesVersion())) {
					e.apply(this.normalizer.normalize(carrier, e.getRawCode(), e.getRawText()), version);
				}
			}
			this.events.flush();
			lock(id).ifPresent((s) -> recompute(s, TransitionCause.REPLAY));
		}
		return stale.size();
	}

	/**
	 * The shipment, its row locked for this transaction ({@code for update}), read by id
	 * through the persistence context rather than a query: no query to build, translate
	 * and check per call. Pending JPA changes are flushed first, as the query's
	 * auto-flush did: {@link OrderFacts} reads what the transaction has flushed.
	 */
	private Optional<Shipment> lock(UUID shipmentId) {
		this.entityManager.flush();
		return Optional.ofNullable(this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE));
	}

	/**
	 * The one place a shipment's status changes. A status that depends on the delivery
	 * window (the promise overlay, DELAYED) is applied only once the carrier has been
	 * asked: before that the window is a guess, and a status published from it would be
	 * taken back seconds later by the first poll.
	 */
	void recompute(Shipment shipment, TransitionCause cause) {
		recompute(shipment, cause, null);
	}

	/**
	 * {@link #recompute(Shipment, TransitionCause)} with the shipment's scans as
	 * {@link ScanStore#history} would read them now, when the caller knows them (null:
	 * read them).
	 */
	private void recompute(Shipment shipment, TransitionCause cause, @Nullable List<FoldedScan> scans) {
		OrderFacts.Facts order = this.orderFacts.of(shipment);
		Store store = this.stores.recentById(shipment.getStoreId()).orElseThrow();
		ZoneId zone = store.getTimeZone();
		Instant now = this.clock.instant();
		List<FoldedScan> history = (scans != null) ? scans : this.scans.history(shipment.getId());
		ShipmentState before = ShipmentState.of(shipment);
		DeliveryWindow previousWindow = shipment.status().estimatedDelivery();
		ShipmentState folded = StatusFold.fold(history, shipment.getExpiredAt());
		DeliveryWindow window = estimate(new EstimateRequest(shipment.getStoreId(), shipment.getId(),
				shipment.getCarrier(), shipment.getService(), order.origin(), order.destination(), order.placedAt(),
				shipment.getShippedAt(), order.promisedBy(), folded.milestone(), folded.lastEventAt(),
				shipment.status().carrierEstimate(), zone, now));
		boolean windowKnown = shipment.status().lastPolledAt() != null || !history.isEmpty();
		ShipmentState after = windowKnown ? StatusFold.overlay(folded, window, order.promisedBy()) : folded;
		if (after.milestone() != Milestone.LABEL_CREATED && shipment.getShippedAt() == null) {
			history.stream()
				.filter((e) -> e.getMilestone() != null && e.getMilestone().rank() >= Milestone.PICKED_UP.rank())
				.findFirst()
				.ifPresent((e) -> shipment.shippedAt(e.getOccurredAt()));
		}
		shipment.state(after, window, now);
		if (!after.sameStatus(before)) {
			ShipmentStatusChanged changed = new ShipmentStatusChanged(shipment.getStoreId(), shipment.getOrderId(),
					shipment.getId(), shipment.getCarrier(), shipment.getTrackingNumber(), before.milestone(),
					after.milestone(), before.health(), after.health(), after.reason(), after.statusText(),
					after.statusLocation(), window, after.lastEventAt(), cause, now, store.getSlug(),
					order.orderNumber());
			this.transitions.save(new ShipmentTransition(changed));
			this.publisher.publishEvent(changed);
			if (after.milestone() == Milestone.DELIVERED && before.milestone() != Milestone.DELIVERED) {
				this.publisher.publishEvent(delivered(shipment, order, zone, cause, now));
			}
		}
		if (!Objects.equals(previousWindow, window)) {
			this.publisher.publishEvent(new DeliveryWindowChanged(shipment.getStoreId(), shipment.getOrderId(),
					shipment.getId(), previousWindow, window, cause, shipment.getCarrier(),
					shipment.getTrackingNumber(), after.milestone(), after.statusText(), after.statusLocation()));
		}
		List<Progress> parcels = order.parcels(shipment);
		if (!OrderStatus.derive(parcels).forOrder(order.cancelled()).equals(order.stored())) {
			this.orders.deriveStatus(shipment.getOrderId(), parcels, cause != TransitionCause.REPLAY);
		}
	}

	private static ShipmentDelivered delivered(Shipment s, OrderFacts.Facts o, ZoneId zone, TransitionCause cause,
			Instant now) {
		Instant deliveredAt = (s.status().deliveredAt() != null) ? s.status().deliveredAt()
				: (s.status().lastEventAt() != null) ? s.status().lastEventAt() : now;
		return new ShipmentDelivered(s.getStoreId(), s.getOrderId(), s.getId(), o.orderNumber(), s.getCarrier(),
				s.getService(), o.origin(), o.destination(), o.placedAt(), s.getShippedAt(), deliveredAt,
				o.promisedBy(), zone, o.test(), cause);
	}

	private String slug(UUID storeId) {
		// a slug never changes: a recent copy of the store is exact
		return this.stores.recentById(storeId).map(Store::getSlug).orElseThrow();
	}

	private @Nullable DeliveryWindow estimate(EstimateRequest request) {
		for (DeliveryEstimator estimator : this.estimators) {
			DeliveryWindow window = estimator.estimate(request);
			if (window != null) {
				return window;
			}
		}
		return null;
	}

}
