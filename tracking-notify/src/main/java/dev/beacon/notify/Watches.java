package dev.beacon.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/**
 * What notify remembers of each shipment (milestone, window, last scan), fed by core's
 * events, so the scheduled checks never read another module's tables.
 */
@Repository
class Watches {

	private final JdbcClient jdbc;

	Watches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Watch(UUID shipmentId, UUID storeId, UUID orderId, String carrier, Milestone milestone,
			@Nullable DeliveryWindow window, @Nullable Instant lastScanAt) {
	}

	void refresh(ShipmentView v, Instant now) {
		refresh(new Watch(v.id(), v.storeId(), v.orderId(), v.carrier(), v.milestone(), v.estimatedDelivery(),
				v.lastEventAt()), now);
	}

	void refresh(Watch v, Instant now) {
		DeliveryWindow w = v.window();
		this.jdbc.sql("""
				insert into notify_shipment_watch (shipment_id, store_id, order_id, carrier, milestone, window_earliest,
				  window_latest, last_scan_at, updated_at)
				values (:id, :store, :order, :carrier, :milestone, :earliest, :latest, :scan, :now)
				on conflict (shipment_id) do update set carrier = excluded.carrier, milestone = excluded.milestone,
				  window_earliest = excluded.window_earliest, window_latest = excluded.window_latest,
				  last_scan_at = excluded.last_scan_at, updated_at = excluded.updated_at""")
			.param("id", v.shipmentId())
			.param("store", v.storeId())
			.param("order", v.orderId())
			.param("carrier", v.carrier())
			.param("milestone", v.milestone().name())
			.param("earliest", (w != null) ? w.earliest() : null)
			.param("latest", (w != null) ? w.latest() : null)
			.param("scan", (v.lastScanAt() != null) ? Timestamp.from(v.lastScanAt()) : null)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Moving shipments whose window ends between the two dates (system job, all stores).
	 */
	List<Watch> endingBetween(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("select * from notify_shipment_watch where milestone in ('PICKED_UP', 'IN_TRANSIT') "
					+ "and window_latest between ? and ?")
			.params(from, to)
			.query(this::map)
			.list();
	}

	/** Moving shipments not scanned since {@code before} (system job, all stores). */
	List<Watch> silentSince(Instant before) {
		return this.jdbc
			.sql("select * from notify_shipment_watch where milestone in ('PICKED_UP', 'IN_TRANSIT') "
					+ "and last_scan_at < ?")
			.params(Timestamp.from(before))
			.query(this::map)
			.list();
	}

	private Watch map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		java.sql.Date e = rs.getDate("window_earliest");
		java.sql.Date l = rs.getDate("window_latest");
		Timestamp scan = rs.getTimestamp("last_scan_at");
		return new Watch(rs.getObject("shipment_id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getObject("order_id", UUID.class), rs.getString("carrier"),
				Milestone.valueOf(rs.getString("milestone")),
				DeliveryWindow.of((e != null) ? e.toLocalDate() : null, (l != null) ? l.toLocalDate() : null),
				(scan != null) ? scan.toInstant() : null);
	}

	/** Forgets shipments notify no longer checks (removed, or their order cancelled). */
	void forget(UUID orderId, @Nullable UUID shipmentId) {
		this.jdbc
			.sql("delete from notify_shipment_watch where order_id = ? and (cast(? as uuid) is null "
					+ "or shipment_id = cast(? as uuid))")
			.params(orderId, shipmentId, shipmentId)
			.update();
	}

}
