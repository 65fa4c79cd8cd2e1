package dev.beacon.shipment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.common.Rows;
import dev.beacon.common.Text;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;

/**
 * The common case of a poller's batch, made cheap: most answers bring nothing new (every
 * scan already stored, no new carrier estimate) for a shipment asked before, and change
 * nothing but the record of the poll. Those are told apart in one read for the whole
 * batch (the shipments' state and which of the answers' dedup keys are stored) and
 * recorded in one update of the poll's columns, none of them indexed (a HOT update): no
 * entity, no fold, no event but {@link ScansRecorded} with no new scan. Everything else
 * goes through {@link ShipmentTracking#ingest}. The poller may decide the next poll time
 * of the quiet ones at once ({@link NextPollSchedule}): the record and the schedule are
 * then one update.
 * <p>
 * Skipping the fold is what {@code ingest} itself does for an answer without news and
 * without a carrier estimate. An answer repeating the stored carrier estimate is quiet
 * too, unless re-deriving could move the window with time alone: out for delivery (the
 * window is today), or a window ending within a day of today in UTC (a passed window
 * slides; a day covers every time zone).
 */
@Component
class QuietPolls {

	/**
	 * The quiet answers' record: the poll's columns, and the next poll where the schedule
	 * decided it and the shipment is still polled.
	 */
	private static final String POLLED = """
			update shipments s set last_polled_at = ?, last_poll_outcome = d.outcome, last_poll_detail = d.detail,
			  next_poll_at = case when d.planned and %s
			    then now() + d.delay * interval '1 millisecond' else s.next_poll_at end
			from unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::bigint[])
			  as d(id, outcome, detail, planned, delay)
			where s.id = d.id""".formatted(PollBatches.STILL_POLLED);

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher publisher;

	QuietPolls(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.publisher = publisher;
	}

	/**
	 * Records the quiet answers among {@code updates} and answers their outcome by
	 * shipment id; the others are left for {@link ShipmentTracking#ingest}.
	 */
	Map<UUID, Ingested> record(Map<UUID, CarrierUpdate> updates, Instant now, NextPollSchedule schedule) {
		Map<UUID, Ingested> quiet = new LinkedHashMap<>();
		if (updates.isEmpty()) {
			return quiet;
		}
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		List<Stored> stored = stored(updates);
		for (Stored s : stored) {
			CarrierUpdate update = updates.get(s.id());
			if (isQuiet(s, update, today)) {
				quiet.put(s.id(), new Ingested(0, s.milestone(), s.health(), s.shippedAt(), s.createdAt(),
						s.deliveredAt(), s.lastEventAt()));
			}
		}
		if (!quiet.isEmpty()) {
			polled(quiet, updates, now, schedule);
		}
		for (Stored s : stored) {
			if (quiet.containsKey(s.id())) {
				this.publisher.publishEvent(
						new ScansRecorded(s.storeId(), s.id(), s.carrier(), 0, updates.get(s.id()).outcome()));
			}
		}
		return quiet;
	}

	static boolean isQuiet(Stored s, CarrierUpdate update, LocalDate today) {
		if (s.lastPolledAt() == null) {
			return false; // the first conversation settles the window
		}
		for (RawScan scan : update.scans()) {
			if (!s.known().contains(scan.effectiveDedupKey())) {
				return false;
			}
		}
		DeliveryWindow asked = update.carrierEstimate();
		if (asked == null) {
			return true;
		}
		return asked.equals(s.carrierEstimate()) && s.milestone() != Milestone.OUT_FOR_DELIVERY && s.estimated() != null
				&& s.estimated().latest().isAfter(today.plusDays(1));
	}

	/**
	 * The shipments' state and which of the answers' dedup keys each has stored, in one
	 * statement (the unique index on {@code (shipment_id, dedup_key)} answers the keys).
	 */
	private List<Stored> stored(Map<UUID, CarrierUpdate> updates) {
		Set<String> keys = new HashSet<>();
		updates.values().forEach((u) -> u.scans().forEach((s) -> keys.add(s.effectiveDedupKey())));
		return this.jdbc.query((c) -> {
			PreparedStatement ps = c.prepareStatement(
					"""
							select s.id, s.store_id, s.carrier, s.milestone, s.health, s.shipped_at, s.created_at, s.delivered_at, s.last_event_at,
							  s.last_polled_at, s.carrier_earliest, s.carrier_latest, s.estimated_earliest, s.estimated_latest,
							  array(select t.dedup_key from tracking_events t
							        where t.shipment_id = s.id and t.dedup_key = any(?)) as known
							from shipments s where s.id = any(?)""");
			ps.setArray(1, c.createArrayOf("text", keys.toArray()));
			ps.setArray(2, c.createArrayOf("uuid", updates.keySet().toArray()));
			return ps;
		}, (rs, i) -> read(rs));
	}

	/**
	 * One update of the poll's columns for all of them (unindexed: HOT), with the next
	 * poll time where {@code schedule} decides it (the one indexed column written).
	 */
	private void polled(Map<UUID, Ingested> quiet, Map<UUID, CarrierUpdate> updates, Instant now,
			NextPollSchedule schedule) {
		int n = quiet.size();
		List<String> outcomes = new ArrayList<>(n);
		List<@Nullable String> details = new ArrayList<>(n);
		Boolean[] planned = new Boolean[n];
		Long[] delays = new Long[n];
		int i = 0;
		for (Map.Entry<UUID, Ingested> q : quiet.entrySet()) {
			CarrierUpdate u = updates.get(q.getKey());
			outcomes.add(u.outcome().name());
			details.add(Text.fit(u.detail(), 500));
			NextPollSchedule.Next next = schedule.next(q.getKey(), q.getValue(), u);
			planned[i] = next != null;
			delays[i] = (next != null && next.delay() != null) ? Math.max(0, next.delay().toMillis()) : null;
			i++;
		}
		this.jdbc.update((c) -> {
			PreparedStatement ps = c.prepareStatement(POLLED);
			ps.setTimestamp(1, Timestamp.from(now));
			ps.setArray(2, c.createArrayOf("uuid", quiet.keySet().toArray()));
			ps.setArray(3, c.createArrayOf("text", outcomes.toArray()));
			ps.setArray(4, c.createArrayOf("text", details.toArray()));
			ps.setArray(5, c.createArrayOf("boolean", planned));
			ps.setArray(6, c.createArrayOf("bigint", delays));
			return ps;
		});
	}

	private static Stored read(ResultSet rs) throws SQLException {
		String[] known = (String[]) rs.getArray("known").getArray();
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class), rs.getString("carrier"),
				Milestone.valueOf(rs.getString("milestone")), Health.valueOf(rs.getString("health")),
				Rows.instant(rs, "shipped_at"), java.util.Objects.requireNonNull(Rows.instant(rs, "created_at")),
				Rows.instant(rs, "delivered_at"), Rows.instant(rs, "last_event_at"), Rows.instant(rs, "last_polled_at"),
				DeliveryWindow.of(Rows.date(rs, "carrier_earliest"), Rows.date(rs, "carrier_latest")),
				DeliveryWindow.of(Rows.date(rs, "estimated_earliest"), Rows.date(rs, "estimated_latest")),
				new HashSet<>(Arrays.asList(known)));
	}

	/** A shipment as stored, with those of the answer's dedup keys it has. */
	record Stored(UUID id, UUID storeId, String carrier, Milestone milestone, Health health,
			@Nullable Instant shippedAt, Instant createdAt, @Nullable Instant deliveredAt,
			@Nullable Instant lastEventAt, @Nullable Instant lastPolledAt, @Nullable DeliveryWindow carrierEstimate,
			@Nullable DeliveryWindow estimated, Set<String> known) {
	}

}
