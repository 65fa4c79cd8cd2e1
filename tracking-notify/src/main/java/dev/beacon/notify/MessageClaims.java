package dev.beacon.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import static dev.beacon.notify.Messages.seconds;
import static dev.beacon.notify.Messages.ts;

/**
 * What the dispatcher writes to the outbox: claims under a lease, then named commands for
 * what happened to a claimed message (provider called, sent, held, retry, ended, and the
 * rescue's answers). Every command after the claim is fenced by the claim's lease token,
 * so a dispatcher that lost its lease can no longer record anything.
 * <p>
 * Every lease expiry, due time and comparison with "now" here is the database's clock
 * ({@code now()}), never an instance's: instances whose clocks drift apart still agree on
 * which row is due and whose lease ran out. Callers pass spans (a lease, a backoff, the
 * wait until quiet hours end), never instants.
 */
@Repository
class MessageClaims {

	private static final String RELEASE = "lease_token = null, lease_expires_at = null, lease_owner = null";

	private final JdbcClient jdbc;

	private final RowMapper<OutboxMessage> rows;

	MessageClaims(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.rows = Messages.mapper(json);
	}

	/**
	 * Claims due rows in one statement (autocommit: it needs no transaction around it):
	 * {@code FOR UPDATE SKIP LOCKED} so instances never claim the same row, a fresh lease
	 * token per claim. Answers them with the database's clock of the claim, which the
	 * checks compare stale times with (no read of {@code now()} of its own), and with
	 * what the checks read for them in the same statement: the suppression of each
	 * recipient and, per shipment and channel, the messages sent within
	 * {@link DeliveryChecks#CAP_WINDOW} or in flight, this batch's own counted as in
	 * flight (they are from this statement on; its reads see them still pending).
	 */
	Claimed claim(int batch, Duration lease, String owner) {
		Instant[] at = new Instant[1];
		Map<String, String> suppressed = new HashMap<>();
		Map<String, Integer> counted = new HashMap<>();
		List<OutboxMessage> claimed = this.jdbc.sql("""
				with due as (select id from notify_messages where status = 'PENDING' and next_attempt_at <= now()
				      order by next_attempt_at, id limit :batch for update skip locked),
				claimed as (update notify_messages m set status = 'SENDING', attempts = m.attempts + 1,
				  lease_owner = :owner, lease_token = gen_random_uuid(),
				  lease_expires_at = now() + make_interval(secs => :lease), provider_called_at = null
				from due where m.id = due.id
				returning m.*)
				select now() as claimed_at, c.""" + Messages.COLUMNS.replace(", ", ", c.") + """
				, (select s.reason from notify_suppressions s where s.channel = c.channel
				    and s.address = c.recipient) as suppressed,
				  (select count(*) from notify_messages x where c.shipment_id is not null
				    and x.shipment_id = c.shipment_id and x.channel = c.channel
				    and (x.status = 'SENT' and x.sent_at >= now() - make_interval(secs => :window)
				      or x.status = 'SENDING')) as counted
				from claimed c""")
			.param("owner", owner)
			.param("lease", seconds(lease))
			.param("batch", batch)
			.param("window", seconds(DeliveryChecks.CAP_WINDOW))
			.query((rs, i) -> {
				at[0] = rs.getTimestamp("claimed_at").toInstant();
				OutboxMessage m = this.rows.mapRow(rs, i);
				String reason = rs.getString("suppressed");
				if (reason != null) {
					suppressed.put(m.channel().name() + ":" + m.recipient(), reason);
				}
				if (m.shipmentId() != null) {
					// the others' as read, plus this one: in flight since this claim
					counted.merge(DeliveryChecks.shipmentKey(m), rs.getInt("counted") + 1,
							(batchMates, sameRead) -> batchMates + 1);
				}
				return m;
			})
			.list()
			.stream()
			.sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id))
			.toList();
		return new Claimed(claimed, (at[0] != null) ? at[0] : Instant.EPOCH, suppressed, counted);
	}

	/**
	 * {@link #markProviderCalled(List, Duration)} of one message: whether it was marked.
	 */
	boolean markProviderCalled(OutboxMessage claimed, Duration lease) {
		return markProviderCalled(List.of(claimed), lease).contains(claimed.id());
	}

	/**
	 * Commits "the provider is about to be called" for claimed messages, in one
	 * statement, each under its own lease: only while this dispatcher's lease token is on
	 * the row and its lease has not run out by the database's clock (a dispatcher that
	 * was paused past its lease calls no one, even when no other instance rescued the row
	 * yet), and renews the lease for {@code lease} from now so that the provider call
	 * itself is covered by it. A message rendered at the send gets its words written with
	 * the mark (what is handed to the provider, which a rescue compares with the
	 * provider's list), a row rendered before keeps its own. Answers the ids marked.
	 */
	Set<UUID> markProviderCalled(List<OutboxMessage> claimed, Duration lease) {
		if (claimed.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				update notify_messages m set provider_called_at = now(),
				  lease_expires_at = greatest(m.lease_expires_at, now() + make_interval(secs => :lease)),
				  subject = case when m.body_text is null then c.subject else m.subject end,
				  body_html = case when m.body_text is null then c.body_html else m.body_html end,
				  body_text = coalesce(m.body_text, c.body_text)
				from unnest(cast(:ids as uuid[]), cast(:tokens as uuid[]), cast(:subjects as text[]),
				  cast(:texts as text[]), cast(:htmls as text[])) as c(id, token, subject, body_text, body_html)
				where m.id = c.id and m.lease_token = c.token and m.status = 'SENDING' and m.lease_expires_at > now()
				returning m.id""")
			.param("lease", seconds(lease))
			.param("ids", claimed.stream().map(OutboxMessage::id).toArray(UUID[]::new))
			.param("tokens", claimed.stream().map(MessageClaims::token).toArray(UUID[]::new))
			.param("subjects", claimed.stream().map(OutboxMessage::subject).toArray(String[]::new))
			.param("texts", claimed.stream().map(OutboxMessage::bodyText).toArray(String[]::new))
			.param("htmls", claimed.stream().map(OutboxMessage::bodyHtml).toArray(String[]::new))
			.query(UUID.class)
			.list());
	}

	/**
	 * The provider took them (sent now, by the database's clock), in one statement, each
	 * fenced by its own lease token; answers the ids recorded.
	 */
	Set<UUID> markSent(List<Sent> sent) {
		if (sent.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				update notify_messages m set status = 'SENT', status_reason = null,
				  provider_id = coalesce(c.provider, m.provider_id), sent_at = now(),
				  lease_token = null, lease_expires_at = null, lease_owner = null
				from unnest(cast(:ids as uuid[]), cast(:tokens as uuid[]), cast(:providers as text[]))
				  as c(id, token, provider)
				where m.id = c.id and m.lease_token = c.token and m.status = 'SENDING'
				returning m.id""")
			.param("ids", sent.stream().map((s) -> s.message().id()).toArray(UUID[]::new))
			.param("tokens", sent.stream().map((s) -> token(s.message())).toArray(UUID[]::new))
			.param("providers", sent.stream().map(Sent::providerId).toArray(String[]::new))
			.query(UUID.class)
			.list());
	}

	/** A message the provider took, with the provider's id for it. */
	record Sent(OutboxMessage message, @Nullable String providerId) {
	}

	/**
	 * Not now (quiet hours): pending again, due after {@code wait} from now by the
	 * database's clock; the claim does not count as an attempt.
	 */
	boolean markHeld(OutboxMessage claimed, String reason, Duration wait) {
		return release(claimed, """
				status = 'PENDING', status_reason = :reason, attempts = attempts - 1,
				next_attempt_at = now() + make_interval(secs => :wait)""",
				(q) -> q.param("reason", reason).param("wait", seconds(wait)));
	}

	/**
	 * A transient failure: pending again, due after {@code backoff} from now by the
	 * database's clock.
	 */
	boolean markRetry(OutboxMessage claimed, String reason, Duration backoff) {
		return release(claimed,
				"status = 'PENDING', status_reason = :reason, next_attempt_at = now() + make_interval(secs => :wait)",
				(q) -> q.param("reason", reason).param("wait", seconds(backoff)));
	}

	boolean markEnded(OutboxMessage claimed, Ending ending) {
		return release(claimed, "status = :status, status_reason = :reason",
				(q) -> q.param("status", ending.status().name()).param("reason", ending.reason()));
	}

	/**
	 * Takes over rows whose lease ran out by the database's clock (their dispatcher died,
	 * hung or lost the database) under a fresh lease of the rescuer's, in one statement
	 * (autocommit, {@code SKIP LOCKED}): committed before their provider is asked, with
	 * no row locked.
	 */
	List<Expired> takeOverExpired(Duration lease, String owner, int batch) {
		return this.jdbc.sql("""
				with expired as (select id, lease_token, lease_owner, lease_expires_at from notify_messages
				  where status = 'SENDING' and lease_expires_at < now()
				  order by lease_expires_at limit :batch for update skip locked)
				update notify_messages m set lease_token = gen_random_uuid(), lease_owner = :owner,
				  lease_expires_at = now() + make_interval(secs => :lease)
				from expired where m.id = expired.id
				returning m.""" + Messages.COLUMNS.replace(", ", ", m.") + """
				, expired.lease_token as expired_token, expired.lease_owner as expired_owner,
				  expired.lease_expires_at as expired_at""")
			.param("batch", batch)
			.param("owner", owner)
			.param("lease", seconds(lease))
			.query((rs, i) -> new Expired(this.rows.mapRow(rs, i), rs.getObject("expired_token", UUID.class),
					rs.getString("expired_owner"), rs.getTimestamp("expired_at").toInstant()))
			.list();
	}

	/** A row taken over by the rescuer, with the lease it had. */
	record Expired(OutboxMessage message, @Nullable UUID token, @Nullable String owner, Instant expiredAt) {
	}

	/** Gives a row back as it was (the provider could not be asked: next round asks). */
	boolean handBack(Expired e) {
		return this.jdbc.sql("""
				update notify_messages set lease_token = :old, lease_owner = :owner, lease_expires_at = :expired
				where id = :id and lease_token = :token and status = 'SENDING'""")
			.param("old", e.token())
			.param("owner", e.owner())
			.param("expired", ts(e.expiredAt()))
			.param("id", e.message().id())
			.param("token", token(e.message()))
			.update() == 1;
	}

	/**
	 * Rescued: never handed over, or certainly not taken; due again at once.
	 */
	boolean rescueAsPending(OutboxMessage rescued, String reason) {
		return release(rescued, """
				status = 'PENDING', status_reason = :reason, next_attempt_at = now(), provider_called_at = null""",
				(q) -> q.param("reason", reason));
	}

	/** Rescued: the provider has it, taken when it was handed over. */
	boolean rescueAsSent(OutboxMessage rescued, @Nullable String providerId) {
		return release(rescued, """
				status = 'SENT', status_reason = 'sent (confirmed with the provider after a crash)',
				provider_id = coalesce(:provider, provider_id), sent_at = coalesce(provider_called_at, sent_at),
				provider_called_at = null""", (q) -> q.param("provider", providerId));
	}

	boolean rescueAsEnded(OutboxMessage rescued, Ending ending) {
		return release(rescued, "status = :status, status_reason = :reason, provider_called_at = null",
				(q) -> q.param("status", ending.status().name()).param("reason", ending.reason()));
	}

	/**
	 * Whether another row already holds this provider id (a reconciliation must not reuse
	 * it).
	 */
	boolean providerIdTaken(String providerId, UUID except) {
		return this.jdbc.sql("select count(*) from notify_messages where provider_id = ? and id <> ?")
			.params(providerId, except)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Ends this lease with the given changes; false when the lease was lost meanwhile.
	 */
	private boolean release(OutboxMessage claimed, String set, UnaryOperator<StatementSpec> params) {
		return params
			.apply(this.jdbc.sql("update notify_messages set " + set + ", " + RELEASE
					+ " where id = :id and lease_token = :token and status = 'SENDING'"))
			.param("id", claimed.id())
			.param("token", token(claimed))
			.update() == 1;
	}

	private static UUID token(OutboxMessage claimed) {
		return Objects.requireNonNull(claimed.leaseToken(), "a claimed message has a lease token");
	}

}
