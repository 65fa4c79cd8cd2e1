package dev.beacon.carriers.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.carriers.http.PollTask;
import dev.beacon.status.Milestone;

/**
 * When each shipment is next asked about: the carriers module's schedule, kept in the
 * {@code next_poll_at} column of core's {@code shipments} table. This class claims due
 * shipments under a lease; the next poll the poller decides is written by core in the
 * transaction that records the answer ({@code NextPollSchedule}), and core sets it itself
 * when a shipment is created, corrected or expired. Every due time and lease is computed
 * by the database clock ({@code now()}), so instances whose clocks drift apart still
 * agree. Each method is one statement (atomic on its own).
 */
class PollQueue {

	private final NamedParameterJdbcTemplate jdbc;

	PollQueue(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims up to {@code batch} due shipments of the given carriers, moving their next
	 * poll time {@code lease} ahead in the same statement. Rows another instance holds
	 * are skipped ({@code FOR UPDATE SKIP LOCKED}), so no two instances claim one
	 * shipment per interval.
	 */
	List<PollTask> claimDue(Collection<String> carriers, int batch, Duration lease) {
		if (carriers.isEmpty()) {
			return List.of();
		}
		var params = new MapSqlParameterSource().addValue("carriers", carriers)
			.addValue("lease", lease.toMillis())
			.addValue("batch", batch);
		return this.jdbc.query("""
				update shipments s set next_poll_at = now() + :lease * interval '1 millisecond'
				from (select id from shipments
				      where next_poll_at <= now() and carrier in (:carriers) and removed_at is null
				      order by next_poll_at limit :batch for update skip locked) due
				where s.id = due.id
				returning s.id, s.store_id, s.carrier, s.tracking_number, s.service, s.shipped_at, s.created_at,
				          s.milestone, s.last_event_at, s.last_poll_outcome""", params, (rs, i) -> task(rs));
	}

	/** Seconds the oldest due shipment of each carrier has been waiting. */
	Map<String, Long> lagSeconds() {
		Map<String, Long> lag = new LinkedHashMap<>();
		this.jdbc.query("""
				select carrier, extract(epoch from (now() - min(next_poll_at)))::bigint as lag
				from shipments where next_poll_at <= now() group by carrier""",
				(RowCallbackHandler) (rs) -> lag.put(rs.getString("carrier"), rs.getLong("lag")));
		return lag;
	}

	private static PollTask task(ResultSet rs) throws SQLException {
		return new PollTask(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getString("carrier"), rs.getString("tracking_number"), rs.getString("service"),
				instant(rs.getTimestamp("shipped_at")), Objects.requireNonNull(instant(rs.getTimestamp("created_at"))),
				Milestone.valueOf(rs.getString("milestone")), instant(rs.getTimestamp("last_event_at")),
				rs.getString("last_poll_outcome"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return (ts != null) ? ts.toInstant() : null;
	}

}
