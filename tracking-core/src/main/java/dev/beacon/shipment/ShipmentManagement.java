package dev.beacon.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.status.Progress;

/**
 * The module API for shipments: registering tracking numbers, correcting carriers,
 * refreshing, and store-scoped reads. Carrier conversations ({@link #ingest}) and expiry
 * are handed to the status engine, {@link ShipmentTracking}; when to poll is the carriers
 * module's business.
 */
@Service
public class ShipmentManagement {

	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{6,40}");

	private final Shipments shipments;

	private final TrackingEvents events;

	private final ShipmentTransitions transitions;

	private final OrderManagement orders;

	private final ShipmentTracking tracking;

	private final CarrierDirectory directory;

	private final ObjectProvider<CarrierPolling> polling;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Refreshes refreshes;

	ShipmentManagement(Shipments shipments, TrackingEvents events, ShipmentTransitions transitions,
			OrderManagement orders, ShipmentTracking tracking, CarrierDirectory directory,
			ObjectProvider<CarrierPolling> polling, ApplicationEventPublisher publisher, Clock clock,
			Refreshes refreshes) {
		this.refreshes = refreshes;
		this.shipments = shipments;
		this.events = events;
		this.transitions = transitions;
		this.orders = orders;
		this.tracking = tracking;
		this.directory = directory;
		this.polling = polling;
		this.publisher = publisher;
		this.clock = clock;
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
		String carrier;
		boolean pinned;
		String carrierName = blankToNull(command.carrierName());
		if (command.carrier() != null && !command.carrier().isBlank()) {
			carrier = knownCarrier(command.carrier());
			pinned = true;
		}
		else if (carrierName != null) {
			carrier = CarrierDirectory.OTHER;
			pinned = true;
		}
		else {
			carrier = detect(number).stream()
				.findFirst()
				.map(CarrierCandidate::carrier)
				.orElseThrow(() -> new ShipmentException(ShipmentException.Kind.UNDETECTED, "carrier",
						"no carrier recognises tracking number " + number
								+ "; give the carrier's code, or its carrierName when it is not in GET /api/v1/carriers"));
			pinned = false;
		}
		if (this.shipments.existsByStoreIdAndCarrierAndTrackingNumber(storeId, carrier, number)) {
			throw new ShipmentException(ShipmentException.Kind.DUPLICATE, "trackingNumber",
					"tracking number " + number + " is already tracked in this store");
		}
		Shipment fresh = new Shipment(storeId, order.getId(), carrier, pinned, number, blankToNull(command.service()),
				command.shippedAt(), this.clock.instant());
		if (CarrierDirectory.OTHER.equals(carrier)) {
			fresh.describeCarrier(carrierName, ShipmentInputs.httpsLink(command.trackingUrl()));
		}
		Shipment shipment = this.shipments.save(fresh);
		if (order.isCancelled()) {
			shipment.stopPolling(); // a cancelled order is tracked no more
		}
		this.tracking.registered(shipment, order);
		return view(shipment);
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

	/** The registry code for {@code raw}, or a 422 naming {@code carrier}. */
	private String knownCarrier(String raw) {
		String code = raw.strip().toLowerCase(Locale.ROOT);
		if (!isKnownCarrier(code)) {
			throw new ShipmentException(ShipmentException.Kind.UNDETECTED, "carrier", "carrier '" + code
					+ "' is not in the registry (GET /api/v1/carriers); give carrierName for another carrier");
		}
		return code;
	}

	@Transactional(readOnly = true)
	public Optional<ShipmentView> find(UUID storeId, UUID shipmentId) {
		return this.shipments.findByStoreIdAndId(storeId, shipmentId).map(this::view);
	}

	@Transactional(readOnly = true)
	public ShipmentView get(UUID storeId, UUID shipmentId) {
		return find(storeId, shipmentId).orElseThrow(() -> ShipmentException.notFound(shipmentId));
	}

	/** An order's shipments with their scans: two statements whatever the counts. */
	@Transactional(readOnly = true)
	public List<ShipmentView> ofOrder(UUID orderId) {
		return views(this.shipments.findByOrderIdOrderByCreatedAt(orderId));
	}

	/** Shipments of many orders at once (list pages), keyed by order id. */
	@Transactional(readOnly = true)
	public Map<UUID, List<ShipmentView>> ofOrders(Collection<UUID> orderIds) {
		Map<UUID, List<ShipmentView>> byOrder = new LinkedHashMap<>();
		if (orderIds.isEmpty()) {
			return byOrder;
		}
		for (ShipmentView v : views(this.shipments.findByOrderIdInOrderByCreatedAt(orderIds))) {
			byOrder.computeIfAbsent(v.orderId(), (k) -> new ArrayList<>()).add(v);
		}
		return byOrder;
	}

	/** Shipments carrying this number in this store. */
	@Transactional(readOnly = true)
	public List<ShipmentView> byTrackingNumber(UUID storeId, String trackingNumber) {
		return views(this.shipments.findByStoreIdAndTrackingNumber(storeId, normalizeTrackingNumber(trackingNumber)));
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
		return this.shipments.findById(shipmentId).filter((s) -> !s.isRemoved()).map(this::view);
	}

	/**
	 * Removes a shipment added by mistake (a wrong tracking number): it is no longer
	 * polled, shown or counted, and the order's status is derived again without it.
	 * Nobody is told: no message, no webhook. A removed shipment is not found again.
	 */
	@Transactional
	public void remove(UUID storeId, UUID shipmentId) {
		Shipment shipment = this.shipments.findByStoreIdAndId(storeId, shipmentId)
			.orElseThrow(() -> ShipmentException.notFound(shipmentId));
		shipment.remove(this.clock.instant());
		this.shipments.flush();
		this.publisher.publishEvent(new ShipmentRemoved(storeId, shipment.getOrderId(), shipmentId,
				shipment.getCarrier(), shipment.getTrackingNumber()));
		List<Progress> parcels = this.shipments.findByOrderIdOrderByCreatedAt(shipment.getOrderId())
			.stream()
			.map((s) -> new Progress(s.getMilestone(), s.getHealth()))
			.toList();
		this.orders.deriveStatus(shipment.getOrderId(), parcels, false);
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
	 * Records that {@code source} ({@code 17track}, {@code easypost}, {@code store},
	 * {@code direct:<carrier>}) now follows these shipments.
	 */
	@Transactional
	public void followedBy(Collection<UUID> shipmentIds, String source) {
		for (Shipment s : this.shipments.findAllById(shipmentIds)) {
			s.source(source);
		}
	}

	/** A store pins or corrects the carrier; the shipment is polled again at once. */
	@Transactional
	public ShipmentView correctCarrier(UUID storeId, UUID shipmentId, String carrier) {
		String code = knownCarrier(carrier);
		Shipment s = this.shipments.findByStoreIdAndId(storeId, shipmentId)
			.orElseThrow(() -> ShipmentException.notFound(shipmentId));
		s.correctCarrier(code, this.clock.instant());
		return view(s);
	}

	/** Marks a shipment that has been silent too long as EXPIRED and stops polling it. */
	public void expire(UUID shipmentId) {
		this.tracking.expire(shipmentId);
	}

	private ShipmentView view(Shipment s) {
		return views(List.of(s)).get(0);
	}

	private List<ShipmentView> views(List<Shipment> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<ScanView>> scans = new LinkedHashMap<>();
		for (TrackingEvent e : this.events.newestFirst(list.stream().map(Shipment::getId).toList())) {
			scans.computeIfAbsent(e.getShipmentId(), (k) -> new ArrayList<>()).add(ScanView.of(e));
		}
		return list.stream()
			.map((s) -> ShipmentView.of(s, scans.getOrDefault(s.getId(), List.of()), this.directory))
			.toList();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
