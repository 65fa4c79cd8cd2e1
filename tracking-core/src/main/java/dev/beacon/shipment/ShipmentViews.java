package dev.beacon.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

import dev.beacon.common.Rows;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * Builds {@link ShipmentView}s for {@link ShipmentManagement}'s reads: shipments with
 * their scans, newest first, in two statements whatever the counts (one for
 * {@link #withoutPayloads}). Runs inside {@link ShipmentManagement}'s transactions.
 */
@Component
class ShipmentViews {

	/**
	 * An order's shipments of this store (not removed) each joined with its scans (of the
	 * same store) without their raw payload: one row per scan, or one row with null scan
	 * columns for a shipment without any. The shipment's columns whose names a scan also
	 * has are renamed ({@code shipment_id}, {@code shipment_milestone}, ...), so the
	 * scan's columns keep the names {@link ScanStore#view} reads.
	 */
	private static final String SHOPPER_READ = """
			select s.id as shipment_id, s.store_id, s.order_id, s.carrier, s.carrier_pinned, s.carrier_name,
			  s.tracking_url, s.source as shipment_source, s.tracking_number, s.service, s.shipped_at,
			  s.milestone as shipment_milestone, s.health as shipment_health, s.reason as shipment_reason,
			  s.action_required, s.status_text, s.status_location, s.carrier_earliest, s.carrier_latest,
			  s.estimated_earliest, s.estimated_latest, s.delivered_at, s.last_event_at, s.last_polled_at,
			  s.last_poll_outcome, s.last_poll_detail, s.next_poll_at, s.created_at,
			  e.id, e.occurred_at, e.local_time, e.zone, e.milestone, e.health, e.reason, e.raw_text, e.loc_city,
			  e.loc_region, e.loc_postal_code, e.loc_country, e.raw_code, null as raw_payload, e.rule_id, e.source
			from shipments s
			left join tracking_events e on e.shipment_id = s.id and e.store_id = s.store_id
			where s.store_id = ? and s.order_id = ? and s.removed_at is null
			order by s.created_at, s.id, e.occurred_at desc, e.id desc""";

	private final Shipments shipments;

	private final ScanStore scans;

	private final CarrierDirectory directory;

	private final JdbcTemplate jdbc;

	ShipmentViews(Shipments shipments, ScanStore scans, CarrierDirectory directory, JdbcTemplate jdbc) {
		this.shipments = shipments;
		this.scans = scans;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/** Shipments of many orders at once, keyed by order id. */
	Map<UUID, List<ShipmentView>> ofOrders(Collection<UUID> orderIds) {
		Map<UUID, List<ShipmentView>> byOrder = new LinkedHashMap<>();
		if (orderIds.isEmpty()) {
			return byOrder;
		}
		for (ShipmentView v : of(this.shipments.findByOrderIdInOrderByCreatedAt(orderIds))) {
			byOrder.computeIfAbsent(v.orderId(), (k) -> new ArrayList<>()).add(v);
		}
		return byOrder;
	}

	ShipmentView of(Shipment s) {
		return of(List.of(s)).get(0);
	}

	List<ShipmentView> of(List<Shipment> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<ScanView>> scans = new LinkedHashMap<>();
		for (ScanStore.ShipmentScan e : this.scans.newestFirst(list.stream().map(Shipment::getId).toList(), true)) {
			scans.computeIfAbsent(e.shipmentId(), (k) -> new ArrayList<>()).add(e.scan());
		}
		return list.stream()
			.map((s) -> ShipmentView.of(s, scans.getOrDefault(s.getId(), List.of()), this.directory))
			.toList();
	}

	/**
	 * An order's shipments (of this store, not removed) with their scans, read as plain
	 * projections in <b>one</b> statement (the shipments joined with their scans, the
	 * scans without their raw payload: null in the views), no entities to hydrate,
	 * nothing for Hibernate to translate or track. For the shopper's page and the status
	 * API, which never show the payload; the console keeps {@link #of(List)}. The same
	 * views otherwise, in the same order (creation, then id; scans newest first).
	 */
	List<ShipmentView> withoutPayloads(UUID storeId, UUID orderId) {
		ResultSetExtractor<List<ShipmentView>> extract = (rs) -> {
			List<ShipmentView> views = new ArrayList<>();
			ShipmentView current = null;
			List<ScanView> scans = new ArrayList<>();
			while (rs.next()) {
				UUID id = rs.getObject("shipment_id", UUID.class);
				if (current == null || !current.id().equals(id)) {
					if (current != null) {
						views.add(withEvents(current, List.copyOf(scans)));
						scans.clear();
					}
					current = view(rs);
				}
				if (rs.getObject("id") != null) { // null: a shipment without scans
					scans.add(ScanStore.view(rs));
				}
			}
			if (current != null) {
				views.add(withEvents(current, List.copyOf(scans)));
			}
			return views;
		};
		return Objects.requireNonNull(this.jdbc.query(SHOPPER_READ, extract, storeId, orderId));
	}

	/** The shipment's columns of a {@link #SHOPPER_READ} row, without its scans. */
	private ShipmentView view(ResultSet rs) throws SQLException {
		String carrier = rs.getString("carrier");
		String number = rs.getString("tracking_number");
		String reason = rs.getString("shipment_reason");
		String outcome = rs.getString("last_poll_outcome");
		return new ShipmentView(rs.getObject("shipment_id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getObject("order_id", UUID.class), carrier, rs.getBoolean("carrier_pinned"), number,
				rs.getString("service"), Rows.instant(rs, "shipped_at"),
				Milestone.valueOf(rs.getString("shipment_milestone")), Health.valueOf(rs.getString("shipment_health")),
				(reason != null) ? Reason.valueOf(reason) : null, rs.getBoolean("action_required"),
				rs.getString("status_text"), rs.getString("status_location"), window(rs, "estimated"),
				window(rs, "carrier"), Rows.instant(rs, "delivered_at"), Rows.instant(rs, "last_event_at"),
				Rows.instant(rs, "next_poll_at"), Rows.instant(rs, "last_polled_at"),
				(outcome != null) ? PollOutcome.valueOf(outcome) : null, rs.getString("last_poll_detail"),
				Rows.instant(rs, "created_at"), List.of(),
				ShipmentView.carrierName(carrier, rs.getString("carrier_name"), this.directory),
				ShipmentView.trackingUrl(carrier, number, rs.getString("tracking_url"), this.directory),
				rs.getString("shipment_source"));
	}

	private static ShipmentView withEvents(ShipmentView v, List<ScanView> events) {
		return new ShipmentView(v.id(), v.storeId(), v.orderId(), v.carrier(), v.carrierPinned(), v.trackingNumber(),
				v.service(), v.shippedAt(), v.milestone(), v.health(), v.reason(), v.actionRequired(), v.statusText(),
				v.statusLocation(), v.estimatedDelivery(), v.carrierEstimate(), v.deliveredAt(), v.lastEventAt(),
				v.nextPollAt(), v.lastPolledAt(), v.lastPollOutcome(), v.lastPollDetail(), v.createdAt(), events,
				v.carrierName(), v.trackingUrl(), v.source());
	}

	private static @Nullable DeliveryWindow window(ResultSet rs, String prefix) throws SQLException {
		return DeliveryWindow.of(rs.getObject(prefix + "_earliest", LocalDate.class),
				rs.getObject(prefix + "_latest", LocalDate.class));
	}

}
