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
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.common.Rows;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * Builds {@link ShipmentView}s for {@link ShipmentManagement}'s reads: shipments with
 * their scans, newest first, in two statements whatever the counts. Runs inside
 * {@link ShipmentManagement}'s transactions.
 */
@Component
class ShipmentViews {

	private static final String SHOPPER_READ = """
			select id, store_id, order_id, carrier, carrier_pinned, carrier_name, tracking_url, source, tracking_number,
			  service, shipped_at, milestone, health, reason, action_required, status_text, status_location,
			  carrier_earliest, carrier_latest, estimated_earliest, estimated_latest, delivered_at, last_event_at,
			  last_polled_at, last_poll_outcome, last_poll_detail, next_poll_at, created_at
			from shipments where store_id = ? and order_id = ? and removed_at is null order by created_at, id""";

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
	 * projections: the shipments in one statement and their scans without their raw
	 * payload (null in the views) in another, no entities to hydrate, nothing for
	 * Hibernate to translate or track. For the shopper's page and the status API, which
	 * never show the payload; the console keeps {@link #of(List)}. The same views
	 * otherwise, in the same order (creation, then id).
	 */
	List<ShipmentView> withoutPayloads(UUID storeId, UUID orderId) {
		List<ShipmentView> list = this.jdbc.query(SHOPPER_READ, (rs, i) -> view(rs), storeId, orderId);
		if (list.isEmpty()) {
			return list;
		}
		Map<UUID, List<ScanView>> scans = new LinkedHashMap<>();
		for (ScanStore.ShipmentScan e : this.scans.newestFirst(list.stream().map(ShipmentView::id).toList(), false)) {
			scans.computeIfAbsent(e.shipmentId(), (k) -> new ArrayList<>()).add(e.scan());
		}
		return list.stream().map((v) -> withEvents(v, scans.getOrDefault(v.id(), List.of()))).toList();
	}

	private ShipmentView view(ResultSet rs) throws SQLException {
		String carrier = rs.getString("carrier");
		String number = rs.getString("tracking_number");
		String reason = rs.getString("reason");
		String outcome = rs.getString("last_poll_outcome");
		return new ShipmentView(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getObject("order_id", UUID.class), carrier, rs.getBoolean("carrier_pinned"), number,
				rs.getString("service"), Rows.instant(rs, "shipped_at"), Milestone.valueOf(rs.getString("milestone")),
				Health.valueOf(rs.getString("health")), (reason != null) ? Reason.valueOf(reason) : null,
				rs.getBoolean("action_required"), rs.getString("status_text"), rs.getString("status_location"),
				window(rs, "estimated"), window(rs, "carrier"), Rows.instant(rs, "delivered_at"),
				Rows.instant(rs, "last_event_at"), Rows.instant(rs, "next_poll_at"), Rows.instant(rs, "last_polled_at"),
				(outcome != null) ? PollOutcome.valueOf(outcome) : null, rs.getString("last_poll_detail"),
				Rows.instant(rs, "created_at"), List.of(),
				ShipmentView.carrierName(carrier, rs.getString("carrier_name"), this.directory),
				ShipmentView.trackingUrl(carrier, number, rs.getString("tracking_url"), this.directory),
				rs.getString("source"));
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
