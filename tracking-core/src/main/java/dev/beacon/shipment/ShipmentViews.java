package dev.beacon.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

	private final Shipments shipments;

	private final TrackingEvents events;

	private final CarrierDirectory directory;

	private final JdbcClient jdbc;

	ShipmentViews(Shipments shipments, TrackingEvents events, CarrierDirectory directory, JdbcClient jdbc) {
		this.shipments = shipments;
		this.events = events;
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
		for (TrackingEvent e : this.events.newestFirst(list.stream().map(Shipment::getId).toList())) {
			scans.computeIfAbsent(e.getShipmentId(), (k) -> new ArrayList<>()).add(ScanView.of(e));
		}
		return list.stream()
			.map((s) -> ShipmentView.of(s, scans.getOrDefault(s.getId(), List.of()), this.directory))
			.toList();
	}

	/**
	 * Like {@link #of(List)}, but the scans are read as a plain projection without their
	 * raw payload (null in the views): one statement, no entities to hydrate, nothing for
	 * Hibernate to translate or track. For the shopper's page and the status API, which
	 * never show the payload; the console keeps {@link #of(List)}.
	 */
	List<ShipmentView> withoutPayloads(List<Shipment> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<ScanView>> scans = new LinkedHashMap<>();
		this.jdbc.sql(SCANS_WITHOUT_PAYLOAD)
			.param(list.stream().map(Shipment::getId).toArray(UUID[]::new))
			.query((rs) -> {
				UUID shipmentId = rs.getObject("shipment_id", UUID.class);
				scans.computeIfAbsent(shipmentId, (k) -> new ArrayList<>()).add(scan(rs));
			});
		return list.stream()
			.map((s) -> ShipmentView.of(s, scans.getOrDefault(s.getId(), List.of()), this.directory))
			.toList();
	}

	private static final String SCANS_WITHOUT_PAYLOAD = """
			select id, shipment_id, occurred_at, local_time, zone, milestone, health, reason, raw_text,
			       loc_city, loc_region, loc_postal_code, loc_country, raw_code, rule_id, source
			from tracking_events where shipment_id = any(?) order by occurred_at desc, id desc""";

	private static ScanView scan(ResultSet rs) throws SQLException {
		String milestone = rs.getString("milestone");
		String reason = rs.getString("reason");
		return new ScanView(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getObject("local_time", LocalDateTime.class), rs.getString("zone"),
				(milestone != null) ? Milestone.valueOf(milestone) : null, Health.valueOf(rs.getString("health")),
				(reason != null) ? Reason.valueOf(reason) : null, rs.getString("raw_text"),
				new ScanLocation(rs.getString("loc_city"), rs.getString("loc_region"), rs.getString("loc_postal_code"),
						rs.getString("loc_country")),
				rs.getString("raw_code"), null, rs.getString("rule_id"), rs.getString("source"));
	}

}
