package dev.beacon.carriers.sources;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@code source_registrations} rows of one aggregator source ({@code 17track},
 * {@code easypost}): one per (number, carrier), whatever the number of shipments or
 * instances, claimed with {@code FOR UPDATE SKIP LOCKED}. States: PENDING, REGISTERING
 * (leased), REGISTERED, REJECTED, STOPPED.
 */
public class SourceRegistrations {

	/** Which stores' shipments a source takes. */
	public enum Stores {

		/** Every store's, except those whose EasyPost account follows their shipments. */
		WITHOUT_EASYPOST("""
				and not exists (select 1 from carrier_webhook_sources w
				                where w.store_id = s.store_id and w.source = 'easypost')"""),
		/** Only stores that connected EasyPost. */
		WITH_EASYPOST("""
				and exists (select 1 from carrier_webhook_sources w
				            where w.store_id = s.store_id and w.source = 'easypost')"""),
		/** Every store's. */
		ALL("");

		private final String sql;

		Stores(String sql) {
			this.sql = sql;
		}

	}

	private static final String TERMINAL = "('DELIVERED', 'RETURNED', 'CANCELLED', 'EXPIRED')";

	public record Registration(String number, String carrier) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final String source;

	public SourceRegistrations(NamedParameterJdbcTemplate jdbc, String source) {
		this.jdbc = jdbc;
		this.source = source;
	}

	/**
	 * Queues every live shipment of the last {@code window} that no direct adapter
	 * follows ({@code direct} carriers are skipped, and so are shipments of stores with
	 * their own account for the carrier); a number already queued is not queued again.
	 */
	public int enqueue(Collection<String> direct, Stores stores, Instant now, Duration window) {
		return this.jdbc.update(
				"""
						insert into source_registrations (source, tracking_number, carrier, state, created_at)
						select distinct :source, s.tracking_number, s.carrier, 'PENDING', cast(:now as timestamptz)
						from shipments s
						where s.milestone not in %s and s.carrier not in (:direct) and s.created_at > :since
						  and (s.source is null or s.source = :source) %s
						  and not exists (select 1 from carrier_accounts a where a.store_id = s.store_id and a.carrier = s.carrier)
						on conflict do nothing"""
					.formatted(TERMINAL, stores.sql),
				params(now).addValue("direct", direct).addValue("since", Timestamp.from(now.minus(window))));
	}

	/**
	 * Leases up to {@code batch} numbers to register (pending, or whose lease ran out).
	 */
	public List<Registration> claimPending(int batch, Instant now, Duration lease) {
		return this.jdbc.query("""
				update source_registrations r set state = 'REGISTERING', lease_until = :lease, attempts = r.attempts + 1
				from (select tracking_number, carrier from source_registrations
				      where source = :source
				        and (state = 'PENDING' or (state = 'REGISTERING' and lease_until < :now))
				      order by created_at limit :batch for update skip locked) due
				where r.source = :source and r.tracking_number = due.tracking_number and r.carrier = due.carrier
				returning r.tracking_number, r.carrier""",
				params(now).addValue("lease", Timestamp.from(now.plus(lease))).addValue("batch", batch),
				(rs, i) -> new Registration(rs.getString(1), rs.getString(2)));
	}

	/**
	 * Registered numbers whose every shipment has reached a terminal state, or whose
	 * fallback time ran out (see {@link #fallback}).
	 */
	public List<Registration> dueToStop(int batch, Instant now) {
		return this.jdbc.query("""
				select r.tracking_number, r.carrier from source_registrations r
				where r.source = :source and r.state = 'REGISTERED'
				  and (r.fallback_until < :now
				       or not exists (select 1 from shipments s where s.tracking_number = r.tracking_number
				                      and s.carrier = r.carrier and s.milestone not in %s))
				order by r.registered_at limit :batch""".formatted(TERMINAL), params(now).addValue("batch", batch),
				(rs, i) -> new Registration(rs.getString(1), rs.getString(2)));
	}

	/**
	 * Follows a number of a direct carrier through this source until {@code until} (its
	 * budget is spent): queued when new, its time extended while it is a fallback;
	 * answers whether it is (now) a fallback. A registration of its own (not a fallback)
	 * or a stopped one is left alone.
	 */
	public boolean fallback(Registration r, Instant now, Instant until) {
		return this.jdbc.update("""
				insert into source_registrations (source, tracking_number, carrier, state, created_at, fallback_until)
				values (:source, :number, :carrier, 'PENDING', :now, :until)
				on conflict (source, tracking_number, carrier) do update
				  set fallback_until = greatest(source_registrations.fallback_until, excluded.fallback_until)
				where source_registrations.fallback_until is not null
				  and source_registrations.state in ('PENDING', 'REGISTERING', 'REGISTERED')""",
				key(r, now).addValue("until", Timestamp.from(until))) > 0;
	}

	/** Whether this registration was a fallback for a direct carrier. */
	public boolean isFallback(Registration r) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from source_registrations where source = :source
				  and tracking_number = :number and carrier = :carrier and fallback_until is not null)""",
				key(r, Instant.EPOCH), Boolean.class));
	}

	/**
	 * Claims registered numbers that have heard nothing for {@code quiet} (no push, no
	 * fetch), moving their fetch time to now in the same statement.
	 */
	public List<Registration> claimQuiet(int batch, Instant now, Duration quiet) {
		return this.jdbc.query(
				"""
						update source_registrations r set last_fetch_at = :now
						from (select tracking_number, carrier from source_registrations
						      where source = :source and state = 'REGISTERED'
						        and greatest(coalesce(last_push_at, registered_at), coalesce(last_fetch_at, registered_at)) < :before
						      order by registered_at limit :batch for update skip locked) due
						where r.source = :source and r.tracking_number = due.tracking_number and r.carrier = due.carrier
						returning r.tracking_number, r.carrier""",
				params(now).addValue("before", Timestamp.from(now.minus(quiet))).addValue("batch", batch),
				(rs, i) -> new Registration(rs.getString(1), rs.getString(2)));
	}

	/**
	 * The carriers under which this number is registered (pushes name only the number).
	 */
	public List<String> carriersOf(String number) {
		return this.jdbc.queryForList(
				"select carrier from source_registrations where source = :source and tracking_number = :number",
				new MapSqlParameterSource("source", this.source).addValue("number", number), String.class);
	}

	public void state(Registration r, String state, Instant now, @Nullable String detail) {
		this.jdbc.update("""
				update source_registrations set state = :state, lease_until = null, detail = :detail,
				  registered_at = case when :state = 'REGISTERED' then cast(:now as timestamptz) else registered_at end,
				  stopped_at = case when :state = 'STOPPED' then cast(:now as timestamptz) else stopped_at end
				where source = :source and tracking_number = :number and carrier = :carrier""",
				key(r, now).addValue("state", state).addValue("detail", clip(detail)));
	}

	/** A failed attempt: back to pending, or rejected after five attempts. */
	public void retryLater(Registration r, Instant now, String detail) {
		this.jdbc.update("""
				update source_registrations set lease_until = null, detail = :detail,
				  state = case when attempts >= 5 then 'REJECTED' else 'PENDING' end
				where source = :source and tracking_number = :number and carrier = :carrier""",
				key(r, now).addValue("detail", clip(detail)));
	}

	public void heard(Registration r, Instant now, String status, boolean pushed) {
		this.jdbc.update("""
				update source_registrations set last_status = :status,
				  last_push_at = case when :pushed then cast(:now as timestamptz) else last_push_at end
				where source = :source and tracking_number = :number and carrier = :carrier""",
				key(r, now).addValue("status", clip(status, 60)).addValue("pushed", pushed));
	}

	public @Nullable String stateOf(String number, String carrier) {
		List<String> s = this.jdbc.queryForList(
				"select state from source_registrations where source = :source and tracking_number = :number and carrier = :carrier",
				key(new Registration(number, carrier), Instant.EPOCH), String.class);
		return s.isEmpty() ? null : s.get(0);
	}

	private MapSqlParameterSource params(Instant now) {
		return new MapSqlParameterSource("source", this.source).addValue("now", Timestamp.from(now));
	}

	private MapSqlParameterSource key(Registration r, Instant now) {
		return params(now).addValue("number", r.number()).addValue("carrier", r.carrier());
	}

	private static @Nullable String clip(@Nullable String s) {
		return clip(s, 500);
	}

	private static @Nullable String clip(@Nullable String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

}
