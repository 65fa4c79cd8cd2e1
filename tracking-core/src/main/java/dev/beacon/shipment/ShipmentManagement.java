package dev.beacon.shipment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * The module API for shipments: registering tracking numbers, ingesting carrier scans
 * (store raw, deduplicate, normalize, derive status, record transitions, publish events,
 * all in one transaction), reading shipments, and the claim queries pollers use.
 */
@Service
public class ShipmentManagement {

	private static final Logger log = LoggerFactory.getLogger(ShipmentManagement.class);

	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{6,40}");

	private final Shipments shipments;

	private final TrackingEvents events;

	private final ShipmentTransitions transitions;

	private final Normalizer normalizer;

	private final OrderManagement orders;

	private final StoreManagement stores;

	private final List<DeliveryEstimator> estimators;

	private final CarrierDirectory directory;

	private final ObjectProvider<CarrierPolling> polling;

	private final ApplicationEventPublisher publisher;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final Refreshes refreshes;

	ShipmentManagement(Shipments shipments, TrackingEvents events, ShipmentTransitions transitions,
			Normalizer normalizer, OrderManagement orders, StoreManagement stores, List<DeliveryEstimator> estimators,
			CarrierDirectory directory, ObjectProvider<CarrierPolling> polling, ApplicationEventPublisher publisher,
			NamedParameterJdbcTemplate jdbc, ObjectProvider<Clock> clock, Refreshes refreshes) {
		this.refreshes = refreshes;
		this.shipments = shipments;
		this.events = events;
		this.transitions = transitions;
		this.normalizer = normalizer;
		this.orders = orders;
		this.stores = stores;
		this.estimators = estimators;
		this.directory = directory;
		this.polling = polling;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
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
				command.shippedAt());
		if (CarrierDirectory.OTHER.equals(carrier)) {
			fresh.describeCarrier(carrierName, httpsLink(command.trackingUrl()));
		}
		Shipment shipment = this.shipments.save(fresh);
		this.publisher.publishEvent(new ShipmentRegistered(storeId, order.getId(), shipment.getId(), carrier, number));
		recompute(shipment, TransitionCause.REGISTRATION, null);
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

	/** A store-given link, shown to shoppers: only absolute https links are accepted. */
	private static @Nullable String httpsLink(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(url.strip());
			if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && url.length() <= 500) {
				return uri.toString();
			}
		}
		catch (IllegalArgumentException ex) {
			// not a link
		}
		throw new ShipmentException(ShipmentException.Kind.INVALID, "trackingUrl",
				"trackingUrl must be an absolute https link of at most 500 characters");
	}

	@Transactional(readOnly = true)
	public Optional<ShipmentView> find(UUID storeId, UUID shipmentId) {
		return this.shipments.findByStoreIdAndId(storeId, shipmentId).map(this::view);
	}

	@Transactional(readOnly = true)
	public ShipmentView get(UUID storeId, UUID shipmentId) {
		return find(storeId, shipmentId).orElseThrow(() -> notFound(shipmentId));
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
		return this.shipments.findById(shipmentId).map(this::view);
	}

	@Transactional(readOnly = true)
	public List<ShipmentTransition> transitions(UUID storeId, UUID shipmentId) {
		Shipment s = this.shipments.findByStoreIdAndId(storeId, shipmentId).orElseThrow(() -> notFound(shipmentId));
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
					retryAfter(after.lastPollDetail()));
		}
		return after;
	}

	private static Duration retryAfter(@Nullable String detail) {
		java.util.regex.Matcher m = (detail != null)
				? java.util.regex.Pattern.compile("retry after (\\d{1,9})s").matcher(detail) : null;
		return (m != null && m.find()) ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ofSeconds(60);
	}

	/**
	 * Stores the new scans of a carrier conversation, records how it went, and re-derives
	 * the shipment's status. A failed conversation stores its outcome and touches no
	 * scan.
	 */
	@Transactional
	public int ingest(UUID shipmentId, CarrierUpdate update, TransitionCause cause) {
		return ingest(shipmentId, update, cause, null);
	}

	/**
	 * As {@link #ingest(UUID, CarrierUpdate, TransitionCause)}, for news from a source
	 * that is not the carrier itself ({@code 17track}): its scans are read with that
	 * source's mapping table ({@code table}), stored under that table's name and replayed
	 * with it. A null table means the shipment's carrier's.
	 */
	@Transactional
	public int ingest(UUID shipmentId, CarrierUpdate update, TransitionCause cause, @Nullable String table) {
		Shipment shipment = this.shipments.lockById(shipmentId).orElseThrow(() -> notFound(shipmentId));
		Instant now = this.clock.instant();
		Set<String> known = this.events.dedupKeys(shipmentId);
		String mapping = (table != null) ? table : shipment.getCarrier();
		String version = this.normalizer.version(mapping);
		List<TrackingEvent> fresh = new ArrayList<>();
		for (RawScan scan : update.scans()) {
			if (known.add(scan.effectiveDedupKey())) {
				Normalization n = this.normalizer.normalize(mapping, scan.rawCode(), scan.rawText());
				fresh
					.add(new TrackingEvent(shipment, mapping, scan, n, version, cause.name().toLowerCase(Locale.ROOT)));
			}
		}
		this.events.saveAll(fresh);
		shipment.polled(update.outcome(), update.detail(), now);
		shipment.carrierEstimate(update.carrierEstimate());
		if (!fresh.isEmpty() || update.carrierEstimate() != null) {
			recompute(shipment, cause, null);
		}
		this.publisher.publishEvent(new ScansRecorded(shipment.getStoreId(), shipmentId, shipment.getCarrier(),
				fresh.size(), update.outcome()));
		return fresh.size();
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

	/** Sets when a shipment is next due for polling (null: never again). */
	@Transactional
	public void scheduleNextPoll(UUID shipmentId, @Nullable Instant at) {
		this.shipments.findById(shipmentId).ifPresent((s) -> s.scheduleNextPoll(at));
	}

	/** A store pins or corrects the carrier; the shipment is polled again at once. */
	@Transactional
	public ShipmentView correctCarrier(UUID storeId, UUID shipmentId, String carrier) {
		String code = knownCarrier(carrier);
		Shipment s = this.shipments.findByStoreIdAndId(storeId, shipmentId).orElseThrow(() -> notFound(shipmentId));
		s.correctCarrier(code);
		return view(s);
	}

	/** Marks a shipment that has been silent too long as EXPIRED and stops polling it. */
	@Transactional
	public void expire(UUID shipmentId) {
		Shipment s = this.shipments.lockById(shipmentId).orElseThrow(() -> notFound(shipmentId));
		if (!s.getMilestone().isTerminal()) {
			s.expire(this.clock.instant());
			recompute(s, TransitionCause.EXPIRY, null);
		}
	}

	/**
	 * Claims up to {@code batch} shipments of the given carriers that are due, moving
	 * their next poll time {@code lease} ahead in the same statement. Rows another
	 * instance holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so no two instances
	 * claim one shipment per interval.
	 */
	@Transactional
	public List<PollTask> claimDuePolls(Collection<String> carriers, int batch, Duration lease) {
		if (carriers.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		var params = new MapSqlParameterSource().addValue("carriers", carriers)
			.addValue("now", Timestamp.from(now))
			.addValue("lease", Timestamp.from(now.plus(lease)))
			.addValue("batch", batch);
		return this.jdbc.query("""
				update shipments s set next_poll_at = :lease
				from (select id from shipments
				      where next_poll_at <= :now and carrier in (:carriers)
				      order by next_poll_at limit :batch for update skip locked) due
				where s.id = due.id
				returning s.id, s.store_id, s.carrier, s.tracking_number, s.service, s.shipped_at, s.created_at,
				          s.milestone, s.last_event_at, s.last_poll_outcome""", params,
				(rs, i) -> new PollTask(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
						rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("service"),
						instant(rs.getTimestamp("shipped_at")),
						Objects.requireNonNull(instant(rs.getTimestamp("created_at"))),
						Milestone.valueOf(rs.getString("milestone")), instant(rs.getTimestamp("last_event_at")),
						rs.getString("last_poll_outcome")));
	}

	/**
	 * Re-reads stored scans of {@code carrier} whose rules version differs from the
	 * current table's, and re-derives the shipments they belong to. Returns the number of
	 * shipments re-derived. Replayed transitions carry cause REPLAY (no notifications).
	 */
	@Transactional
	public int replay(String carrier) {
		String version = this.normalizer.version(carrier);
		Set<UUID> touched = new java.util.LinkedHashSet<>();
		long after = 0;
		List<TrackingEvent> batch;
		do {
			batch = this.events.stale(carrier, version, after, org.springframework.data.domain.Limit.of(500));
			for (TrackingEvent e : batch) {
				e.apply(this.normalizer.normalize(carrier, e.getRawCode(), e.getRawText()), version);
				touched.add(e.getShipmentId());
				after = Objects.requireNonNull(e.getId());
			}
		}
		while (!batch.isEmpty());
		this.events.flush();
		for (UUID id : touched) {
			this.shipments.findById(id).ifPresent((s) -> recompute(s, TransitionCause.REPLAY, null));
		}
		if (!touched.isEmpty()) {
			log.info("Re-normalized scans of {} shipments for carrier {} (rules version {})", touched.size(), carrier,
					version);
		}
		return touched.size();
	}

	private void recompute(Shipment shipment, TransitionCause cause, @Nullable Instant occurredAt) {
		Order order = this.orders.find(shipment.getStoreId(), shipment.getOrderId()).orElseThrow();
		ZoneId zone = this.stores.byId(shipment.getStoreId()).map(Store::getTimeZone).orElse(ZoneId.of("UTC"));
		List<TrackingEvent> history = this.events.chronological(shipment.getId());
		ShipmentState before = new ShipmentState(shipment.getMilestone(), shipment.getHealth(), shipment.getReason(),
				shipment.isActionRequired(), shipment.getStatusText(), shipment.getStatusLocation(),
				shipment.getDeliveredAt(), shipment.getLastEventAt());
		DeliveryWindow previousWindow = shipment.getEstimatedDelivery();
		ShipmentState folded = StatusFold.fold(history, shipment.getExpiredAt());
		EstimateRequest request = new EstimateRequest(shipment.getStoreId(), shipment.getId(), shipment.getCarrier(),
				shipment.getService(), order.getOrigin(), order.getDestination(), order.getPlacedAt(),
				shipment.getShippedAt(), order.getPromisedBy(), folded.milestone(), folded.lastEventAt(),
				shipment.getCarrierEstimate(), zone, this.clock.instant());
		DeliveryWindow window = null;
		for (DeliveryEstimator estimator : this.estimators) {
			window = estimator.estimate(request);
			if (window != null) {
				break;
			}
		}
		ShipmentState after = StatusFold.overlay(folded, window, order.getPromisedBy());
		if (after.milestone() != Milestone.LABEL_CREATED && shipment.getShippedAt() == null) {
			history.stream()
				.filter((e) -> e.getMilestone() != null && e.getMilestone().rank() >= Milestone.PICKED_UP.rank())
				.findFirst()
				.ifPresent((e) -> shipment.shippedAt(e.getOccurredAt()));
		}
		shipment.state(after, window);
		Instant now = this.clock.instant();
		if (!after.sameStatus(before) || cause == TransitionCause.REGISTRATION) {
			ShipmentStatusChanged changed = new ShipmentStatusChanged(shipment.getStoreId(), shipment.getOrderId(),
					shipment.getId(), shipment.getCarrier(), shipment.getTrackingNumber(), before.milestone(),
					after.milestone(), before.health(), after.health(), after.reason(), after.statusText(),
					after.statusLocation(), window, (occurredAt != null) ? occurredAt : after.lastEventAt(), cause,
					now);
			if (!after.sameStatus(before)) {
				this.transitions.save(new ShipmentTransition(changed));
				this.publisher.publishEvent(changed);
			}
		}
		if (!Objects.equals(previousWindow, window)) {
			this.publisher.publishEvent(new DeliveryWindowChanged(shipment.getStoreId(), shipment.getOrderId(),
					shipment.getId(), previousWindow, window, cause));
		}
		List<Shipment> siblings = this.shipments.findByOrderIdOrderByCreatedAt(shipment.getOrderId());
		List<Milestone> milestones = new ArrayList<>();
		List<Health> healths = new ArrayList<>();
		for (Shipment s : siblings) {
			Shipment current = s.getId().equals(shipment.getId()) ? shipment : s;
			milestones.add(current.getMilestone());
			if (current.getMilestone() != Milestone.DELIVERED && current.getMilestone() != Milestone.CANCELLED) {
				healths.add(current.getHealth());
			}
		}
		this.orders.deriveStatus(shipment.getOrderId(), milestones, healths);
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

	private static ShipmentException notFound(UUID id) {
		return new ShipmentException(ShipmentException.Kind.NOT_FOUND, "id", "no shipment " + id + " in this store");
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp ts) {
		return (ts != null) ? ts.toInstant() : null;
	}

}
