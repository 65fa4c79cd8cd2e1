package dev.beacon.shipment;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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
 * transaction: a shipment's stored history with its dedup keys (one read serves the
 * ingest's dedup check and the fold), the new scans in one multi-row insert, and a
 * shipment's history as {@link StatusFold} reads it (no raw payload, no managed entity to
 * hydrate or dirty-check). Stored scans are written once and never changed here; replay
 * rewrites readings through the entity.
 */
@Component
class ScanStore {

	/**
	 * Scans a statement inserts at most (22 parameters each; pgjdbc binds at most
	 * 32,767).
	 */
	static final int ROWS_PER_INSERT = 500;

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT = """
			insert into tracking_events (shipment_id, store_id, carrier, dedup_key, raw_code, raw_text, raw_payload,
			  occurred_at, local_time, zone, loc_city, loc_region, loc_postal_code, loc_country, milestone, health,
			  reason, action_required, rule_id, rules_version, source, received_at)
			values %s
			on conflict (shipment_id, dedup_key) do nothing""";

	private final JdbcTemplate jdbc;

	ScanStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The shipment's stored scans as {@link #history} reads them, with the dedup key of
	 * each: the ingest's dedup check and the fold's history in one statement.
	 */
	Stored stored(UUID shipmentId) {
		Set<String> keys = new HashSet<>();
		List<FoldedScan> history = this.jdbc.query(
				"""
						select dedup_key, occurred_at, milestone, health, reason, action_required, raw_text, loc_city, loc_region,
						  loc_postal_code, loc_country
						from tracking_events where shipment_id = ? order by occurred_at, id""",
				(rs, i) -> {
					keys.add(rs.getString("dedup_key"));
					return read(rs);
				}, shipmentId);
		return new Stored(history, keys);
	}

	/**
	 * A shipment's stored scans in the order they happened, and their dedup keys.
	 *
	 * @param history as {@link #history} reads it
	 * @param keys the dedup keys of those scans
	 */
	record Stored(List<FoldedScan> history, Set<String> keys) {

		/**
		 * The history once {@code inserted} (just stored, in the order they were
		 * inserted) are added, as {@link #history} would read it then: by time, a scan
		 * stored earlier first among those of the same time (ids grow with each insert).
		 * A {@link TrackingEvent}'s time is kept to the microsecond, so the one in memory
		 * is the one stored.
		 */
		List<FoldedScan> with(List<? extends FoldedScan> inserted) {
			List<FoldedScan> all = new ArrayList<>(this.history.size() + inserted.size());
			all.addAll(this.history);
			all.addAll(inserted);
			all.sort(Comparator.comparing(FoldedScan::getOccurredAt)); // stable: equal
																		// times keep
																		// their order
			return all;
		}

	}

	/**
	 * Inserts new scans in one multi-row statement (per {@value #ROWS_PER_INSERT} scans);
	 * a key stored meanwhile is skipped ({@code ON CONFLICT DO NOTHING}), never an error.
	 * Answers how many were inserted.
	 */
	int insert(List<TrackingEvent> fresh) {
		int inserted = 0;
		for (int from = 0; from < fresh.size(); from += ROWS_PER_INSERT) {
			List<TrackingEvent> chunk = fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_INSERT));
			String values = String.join(",", Collections.nCopies(chunk.size(), ROW));
			inserted += this.jdbc.update((c) -> {
				PreparedStatement ps = c.prepareStatement(INSERT.formatted(values));
				int i = 0;
				for (TrackingEvent e : chunk) {
					ScanLocation at = e.getLocation();
					ps.setObject(++i, e.getShipmentId());
					ps.setObject(++i, e.getStoreId());
					ps.setString(++i, e.getCarrier());
					ps.setString(++i, e.getDedupKey());
					ps.setString(++i, e.getRawCode());
					ps.setString(++i, e.getRawText());
					ps.setString(++i, e.getRawPayload());
					ps.setTimestamp(++i, Timestamp.from(e.getOccurredAt()));
					ps.setObject(++i, e.getLocalTime(), Types.TIMESTAMP);
					ps.setString(++i, e.getZone());
					ps.setString(++i, at.city());
					ps.setString(++i, at.region());
					ps.setString(++i, at.postalCode());
					ps.setString(++i, at.country());
					ps.setString(++i, name(e.getMilestone()));
					ps.setString(++i, e.getHealth().name());
					ps.setString(++i, name(e.getReason()));
					ps.setBoolean(++i, e.isActionRequired());
					ps.setString(++i, e.getRuleId());
					ps.setString(++i, e.getRulesVersion());
					ps.setString(++i, e.getSource());
					ps.setTimestamp(++i, Timestamp.from(e.getReceivedAt()));
				}
				return ps;
			});
		}
		return inserted;
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

	/**
	 * A scan of a row that selects the scan's columns under their own names, as
	 * {@link #newestFirst} does ({@code raw_payload} may be selected as null).
	 */
	static ScanView view(ResultSet rs) throws SQLException {
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
