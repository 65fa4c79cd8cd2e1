package dev.beacon.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;

/**
 * The module API for shipments: registering tracking numbers, correcting carriers,
 * refreshing, and store-scoped reads. Carrier conversations ({@link #ingest}) and expiry
 * are handed to the status engine, {@link ShipmentTracking}; when to poll is the carriers
 * module's business. Shipment views are built by {@code ShipmentViews}, removals and
 * carrier corrections are made by {@code ShipmentCorrections}.
 */
@Service
public class ShipmentManagement {

	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{6,40}");

	private final Shipments shipments;

	private final ShipmentTransitions transitions;

	private final OrderManagement orders;

	private final ShipmentTracking tracking;

	private final CarrierDirectory directory;

	private final ObjectProvider<CarrierPolling> polling;

	private final Clock clock;

	private final Refreshes refreshes;

	private final ShipmentViews views;

	private final ShipmentCorrections corrections;

	private final PollBatches batches;

	ShipmentManagement(Shipments shipments, ShipmentTransitions transitions, OrderManagement orders,
			ShipmentTracking tracking, CarrierDirectory directory, ObjectProvider<CarrierPolling> polling, Clock clock,
			Refreshes refreshes, ShipmentViews views, ShipmentCorrections corrections, PollBatches batches) {
		this.shipments = shipments;
		this.transitions = transitions;
		this.orders = orders;
		this.tracking = tracking;
		this.directory = directory;
		this.polling = polling;
		this.clock = clock;
		this.refreshes = refreshes;
		this.views = views;
		this.corrections = corrections;
		this.batches = batches;
	}

	/** Upper-cases a tracking number and drops spaces and dashes. */
	public static String normalizeTrackingNumber(String raw) {
		return raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	@Transactional
	public ShipmentView register(UUID storeId, String orderNumber, RegisterShipment command) {
		Order order = this.orders.get(storeId, orderNumber);
		String number = normalizeTrackingNumber(command.trackingNumber());
		if (!TRACKING_NUMBER.matcher(number).matches()) {
			throw new ShipmentException(ShipmentException.Kind.INVALID, "trackingNumber",
					"trackingNumber must be 6 to 40 letters or digits (spaces and dashes are ignored)");
		}
		ShipmentCorrections.CarrierChoice choice = this.corrections.choose(number, command);
		String carrier = choice.carrier();
		if (this.shipments.existsByStoreIdAndCarrierAndTrackingNumber(storeId, carrier, number)) {
			throw new ShipmentException(ShipmentException.Kind.DUPLICATE, "trackingNumber",
					"tracking number " + number + " is already tracked in this store");
		}
		Shipment fresh = new Shipment(storeId, order.getId(), carrier, choice.pinned(), number,
				blankToNull(command.service()), command.shippedAt(), this.clock.instant());
		if (CarrierDirectory.OTHER.equals(carrier)) {
			fresh.describeCarrier(blankToNull(command.carrierName()), ShipmentInputs.httpsLink(command.trackingUrl()));
		}
		Shipment shipment = this.shipments.save(fresh);
		if (order.isCancelled()) {
			shipment.stopPolling(); // a cancelled order is tracked no more
		}
		this.tracking.registered(shipment, order);
		return this.views.of(shipment);
	}

	public List<CarrierCandidate> detect(String trackingNumber) {
		return this.directory.detect(normalizeTrackingNumber(trackingNumber));
	}

	/** The carrier registry (THE carrier list), in a stable order. */
	public List<CarrierInfo> carriers() {
		return this.directory.all();
	}

	public boolean isKnownCarrier(String carrier) {
		return this.directory.isKnown(carrier);
	}

	@Transactional(readOnly = true)
	public Optional<ShipmentView> find(UUID storeId, UUID shipmentId) {
		return this.shipments.findByStoreIdAndId(storeId, shipmentId).map(this.views::of);
	}

	@Transactional(readOnly = true)
	public ShipmentView get(UUID storeId, UUID shipmentId) {
		return find(storeId, shipmentId).orElseThrow(() -> ShipmentException.notFound(shipmentId));
	}

	/** An order's shipments with their scans: two statements whatever the counts. */
	@Transactional(readOnly = true)
	public List<ShipmentView> ofOrder(UUID orderId) {
		return this.views.of(this.shipments.findByOrderIdOrderByCreatedAtAscIdAsc(orderId));
	}

	/**
	 * An order's shipments in this store with their scans, read as plain projections (no
	 * entities) and the scans without their raw payload ({@link ScanView#rawPayload()} is
	 * null): for the shopper's page and the status API, which never show it. Otherwise
	 * the same views as {@link #ofOrder}; one statement whatever the counts (the
	 * shipments joined with their scans, both by store). Joins the caller's transaction;
	 * without one it opens none (autocommit, no session).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<ShipmentView> ofOrderWithoutPayloads(UUID storeId, UUID orderId) {
		return this.views.withoutPayloads(storeId, orderId);
	}

	/** Shipments of many orders at once (list pages), keyed by order id. */
	@Transactional(readOnly = true)
	public Map<UUID, List<ShipmentView>> ofOrders(Collection<UUID> orderIds) {
		return this.views.ofOrders(orderIds);
	}

	/** Shipments carrying this number in this store. */
	@Transactional(readOnly = true)
	public List<ShipmentView> byTrackingNumber(UUID storeId, String trackingNumber) {
		return this.views
			.of(this.shipments.findByStoreIdAndTrackingNumber(storeId, normalizeTrackingNumber(trackingNumber)));
	}

	/**
	 * Ids of the shipments with this number in this store (of {@code carrier} if given).
	 */
	@Transactional(readOnly = true)
	public List<UUID> idsByTrackingNumber(UUID storeId, String trackingNumber, @Nullable String carrier) {
		return this.shipments.refsByStoreIdAndTrackingNumber(storeId, normalizeTrackingNumber(trackingNumber))
			.stream()
			.filter((s) -> carrier == null || carrier.equals(s.getCarrier()))
			.map(Shipments.Ref::getId)
			.toList();
	}

	/** Shipments of any store with this carrier and number (inbound pushes). */
	@Transactional(readOnly = true)
	public List<UUID> idsByCarrierAndNumber(String carrier, String trackingNumber) {
		return this.shipments.findByTrackingNumberAndCarrier(normalizeTrackingNumber(trackingNumber), carrier)
			.stream()
			.map(Shipment::getId)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ShipmentView> byId(UUID shipmentId) {
		return this.shipments.findById(shipmentId).filter((s) -> !s.isRemoved()).map(this.views::of);
	}

	/**
	 * Removes a shipment added by mistake (a wrong tracking number): it is no longer
	 * polled, shown or counted, its order's status derived again without it. Nobody is
	 * told: no message, no webhook. A removed shipment is not found again.
	 */
	@Transactional
	public void remove(UUID storeId, UUID shipmentId) {
		this.corrections.remove(storeId, shipmentId);
	}

	@Transactional(readOnly = true)
	public List<ShipmentTransition> transitions(UUID storeId, UUID shipmentId) {
		Shipment s = this.shipments.findByStoreIdAndId(storeId, shipmentId)
			.orElseThrow(() -> ShipmentException.notFound(shipmentId));
		return this.transitions.findByShipmentIdOrderByIdAsc(s.getId());
	}

	/**
	 * Asks the carrier now (when a carrier module is present) and answers the shipment as
	 * it is then. Bounded by {@link Refreshes}; when the carrier's on-demand budget is
	 * spent (or it asked to wait longer than {@code beacon.refresh.max-wait}) the answer
	 * is a {@link RefreshLimitedException} carrying how long to wait.
	 */
	public ShipmentView refresh(UUID storeId, UUID shipmentId) {
		ShipmentView before = get(storeId, shipmentId);
		CarrierPolling poller = this.polling.getIfAvailable();
		if (poller == null) {
			return before;
		}
		Instant asked = this.clock.instant();
		ShipmentView after = this.refreshes.run(storeId, shipmentId, () -> {
			poller.pollNow(before.id());
			return get(storeId, shipmentId);
		});
		if (after.lastPollOutcome() == PollOutcome.RATE_LIMITED && after.lastPolledAt() != null
				&& !after.lastPolledAt().isBefore(asked)) {
			throw new RefreshLimitedException("the carrier's quota for refreshes is spent for now",
					ShipmentInputs.retryAfter(after.lastPollDetail()));
		}
		return after;
	}

	/**
	 * Stores the new scans of a carrier conversation and re-derives the shipment's status
	 * (see {@link ShipmentTracking#ingest}); answers what the poller needs to schedule
	 * the next conversation.
	 */
	public Ingested ingest(UUID shipmentId, CarrierUpdate update, TransitionCause cause) {
		return this.tracking.ingest(shipmentId, update, cause, null);
	}

	/**
	 * As {@link #ingest(UUID, CarrierUpdate, TransitionCause)}, for news from a source
	 * that is not the carrier itself ({@code 17track}, {@code easypost}, {@code store}):
	 * its scans are read with that source's mapping table ({@code table}), stored under
	 * that table's name and replayed with it.
	 */
	public Ingested ingest(UUID shipmentId, CarrierUpdate update, TransitionCause cause, String table) {
		return this.tracking.ingest(shipmentId, update, cause, table);
	}

	/**
	 * As {@link #ingest(UUID, CarrierUpdate, TransitionCause)} for several shipments at
	 * once, in one transaction (a poller's batch): the same scans, transitions, events
	 * and outbox rows as one call per shipment, all committed together or not at all (on
	 * a failure nothing of the batch is kept; the caller may ingest them one by one).
	 * Answers each shipment's outcome by its id. Each shipment's next poll, as
	 * {@code schedule} decides it, is written in the same transaction (see
	 * {@code PollBatches}).
	 */
	public Map<UUID, Ingested> ingestAll(Map<UUID, CarrierUpdate> updates, TransitionCause cause,
			NextPollSchedule schedule) {
		return updates.isEmpty() ? Map.of() : this.batches.ingestAll(updates, cause, schedule);
	}

	public Map<UUID, Ingested> ingestAll(Map<UUID, CarrierUpdate> updates, TransitionCause cause) {
		return ingestAll(updates, cause, NextPollSchedule.NONE);
	}

	/**
	 * Records that {@code source} ({@code 17track}, {@code easypost}, {@code store},
	 * {@code direct:<carrier>}) now follows these shipments.
	 */
	@Transactional
	public void followedBy(Collection<UUID> shipmentIds, String source) {
		this.corrections.followedBy(shipmentIds, source);
	}

	/** A store pins or corrects the carrier; the shipment is polled again at once. */
	@Transactional
	public ShipmentView correctCarrier(UUID storeId, UUID shipmentId, String carrier) {
		return this.views.of(this.corrections.correctCarrier(storeId, shipmentId, carrier));
	}

	/** Marks a shipment that has been silent too long as EXPIRED and stops polling it. */
	public void expire(UUID shipmentId) {
		this.tracking.expire(shipmentId);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
