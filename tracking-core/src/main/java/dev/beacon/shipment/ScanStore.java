package dev.beacon.shipment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * The ingest path's plain-JDBC access to {@code tracking_events}, inside the caller's
 * transaction: which of a conversation's dedup keys are already stored (one probe), the
 * new scans in one JDBC batch, and a shipment's history as {@link StatusFold} reads it
 * (no raw payload, no managed entity to hydrate or dirty-check). Stored scans are written
 * once and never changed here; replay rewrites readings through the entity.
 */
@Component
class ScanStore {

	private final JdbcTemplate jdbc;

	ScanStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Which of {@code keys} this shipment already has a scan for. */
	Set<String> stored(UUID shipmentId, Collection<String> keys) {
		Set<String> found = new HashSet<>();
		if (keys.isEmpty()) {
			return found;
		}
		this.jdbc.query((c) -> {
			var ps = c
				.prepareStatement("select dedup_key from tracking_events where shipment_id = ? and dedup_key = any(?)");
			Array array = c.createArrayOf("varchar", keys.toArray());
			ps.setObject(1, shipmentId);
			ps.setArray(2, array);
			return ps;
		}, (ResultSet rs) -> {
			found.add(rs.getString(1));
		});
		return found;
	}

	/**
	 * Inserts new scans in one batch; a key stored meanwhile is skipped
	 * ({@code ON CONFLICT DO NOTHING}), never an error.
	 */
	void insert(List<TrackingEvent> fresh) {
		if (fresh.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				insert into tracking_events (shipment_id, store_id, carrier, dedup_key, raw_code, raw_text, raw_payload,
				  occurred_at, local_time, zone, loc_city, loc_region, loc_postal_code, loc_country, milestone, health,
				  reason, action_required, rule_id, rules_version, source, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (shipment_id, dedup_key) do nothing""", fresh, fresh.size(), (ps, e) -> {
			ScanLocation at = e.getLocation();
			ps.setObject(1, e.getShipmentId());
			ps.setObject(2, e.getStoreId());
			ps.setString(3, e.getCarrier());
			ps.setString(4, e.getDedupKey());
			ps.setString(5, e.getRawCode());
			ps.setString(6, e.getRawText());
			ps.setString(7, e.getRawPayload());
			ps.setTimestamp(8, Timestamp.from(e.getOccurredAt()));
			ps.setObject(9, e.getLocalTime(), Types.TIMESTAMP);
			ps.setString(10, e.getZone());
			ps.setString(11, at.city());
			ps.setString(12, at.region());
			ps.setString(13, at.postalCode());
			ps.setString(14, at.country());
			ps.setString(15, name(e.getMilestone()));
			ps.setString(16, e.getHealth().name());
			ps.setString(17, name(e.getReason()));
			ps.setBoolean(18, e.isActionRequired());
			ps.setString(19, e.getRuleId());
			ps.setString(20, e.getRulesVersion());
			ps.setString(21, e.getSource());
			ps.setTimestamp(22, Timestamp.from(e.getReceivedAt()));
		});
	}

	/** The shipment's scans in the order they happened, as the fold reads them. */
	List<FoldedScan> history(UUID shipmentId) {
		return this.jdbc.query("""
				select occurred_at, milestone, health, reason, action_required, raw_text, loc_city, loc_region,
				  loc_postal_code, loc_country
				from tracking_events where shipment_id = ? order by occurred_at, id""", (rs, i) -> read(rs),
				shipmentId);
	}

	/**
	 * The scans of these shipments as read models show them, newest first, in one
	 * statement. Without {@code withPayload} the raw payload is not read (null in the
	 * views): the shopper's page and the status API never show it, the console does.
	 */
	List<ShipmentScan> newestFirst(Collection<UUID> shipmentIds, boolean withPayload) {
		if (shipmentIds.isEmpty()) {
			return List.of();
		}
		String payload = withPayload ? "raw_payload" : "null as raw_payload";
		return this.jdbc.query((c) -> {
			var ps = c.prepareStatement(
					"""
							select id, shipment_id, occurred_at, local_time, zone, milestone, health, reason, raw_text, loc_city,
							  loc_region, loc_postal_code, loc_country, raw_code, %s, rule_id, source
							from tracking_events where shipment_id = any(?) order by occurred_at desc, id desc"""
						.formatted(payload));
			ps.setArray(1, c.createArrayOf("uuid", shipmentIds.toArray()));
			return ps;
		}, (rs, i) -> new ShipmentScan(rs.getObject("shipment_id", UUID.class), view(rs)));
	}

	private static ScanView view(ResultSet rs) throws SQLException {
		String milestone = rs.getString("milestone");
		String reason = rs.getString("reason");
		Timestamp local = rs.getTimestamp("local_time");
		return new ScanView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				(local != null) ? local.toLocalDateTime() : null, rs.getString("zone"),
				(milestone != null) ? Milestone.valueOf(milestone) : null, Health.valueOf(rs.getString("health")),
				(reason != null) ? Reason.valueOf(reason) : null, rs.getString("raw_text"), location(rs),
				rs.getString("raw_code"), rs.getString("raw_payload"), rs.getString("rule_id"), rs.getString("source"));
	}

	private static ScanLocation location(ResultSet rs) throws SQLException {
		return new ScanLocation(rs.getString("loc_city"), rs.getString("loc_region"), rs.getString("loc_postal_code"),
				rs.getString("loc_country"));
	}

	private static FoldedScan read(ResultSet rs) throws SQLException {
		String milestone = rs.getString("milestone");
		String reason = rs.getString("reason");
		return new Reading((milestone != null) ? Milestone.valueOf(milestone) : null,
				rs.getTimestamp("occurred_at").toInstant(), Health.valueOf(rs.getString("health")),
				(reason != null) ? Reason.valueOf(reason) : null, rs.getBoolean("action_required"),
				rs.getString("raw_text"), location(rs));
	}

	/** A scan read for a view, with the shipment it belongs to. */
	record ShipmentScan(UUID shipmentId, ScanView scan) {
	}

	private static @Nullable String name(@Nullable Enum<?> e) {
		return (e != null) ? e.name() : null;
	}

	/** One scan of a history, read for the fold. */
	record Reading(@Nullable Milestone getMilestone, Instant getOccurredAt, Health getHealth,
			@Nullable Reason getReason, boolean isActionRequired, String getRawText,
			ScanLocation getLocation) implements FoldedScan {
	}

}
