package dev.beacon.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import dev.beacon.common.Rows;

/**
 * The outbox table {@code notify_messages}: new rows (unique by idempotency key),
 * coalescing and suppression of pending rows, and the reads of the console and the daily
 * cap. What the dispatcher writes under its lease is {@link MessageClaims}.
 */
@Repository
class Messages {

	static final String COLUMNS = "id, store_id, order_id, shipment_id, trigger, channel, idempotency_key, recipient, "
			+ "locale, time_zone, subject, body_text, body_html, essential, priority, status, status_reason, attempts, "
			+ "next_attempt_at, stale_after, lease_token, lease_expires_at, provider_called_at, provider_id, "
			+ "transition_at, created_at, sent_at, resend_of, facts";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RowMapper<OutboxMessage> mapper;

	Messages(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.mapper = mapper(json);
	}

	/** A span as {@code make_interval(secs => ...)} takes it (never negative). */
	static double seconds(Duration span) {
		return Math.max(0, span.toMillis()) / 1000.0;
	}

	/** Maps a row of {@link #COLUMNS}, its facts read with {@code json}. */
	static RowMapper<OutboxMessage> mapper(JsonMapper json) {
		return (rs, i) -> new OutboxMessage(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getObject("order_id", UUID.class), rs.getObject("shipment_id", UUID.class),
				Trigger.valueOf(rs.getString("trigger")), Channel.valueOf(rs.getString("channel")),
				rs.getString("idempotency_key"), rs.getString("recipient"),
				Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
				rs.getBoolean("essential"), rs.getInt("priority"), MessageStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), rs.getInt("attempts"), Rows.instant(rs, "next_attempt_at"),
				Rows.instant(rs, "stale_after"), rs.getObject("lease_token", UUID.class),
				Rows.instant(rs, "provider_called_at"), rs.getString("provider_id"), Rows.instant(rs, "transition_at"),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "sent_at"), rs.getObject("resend_of", UUID.class),
				facts(json, rs.getString("facts")));
	}

	private static @Nullable MessageFacts facts(JsonMapper json, @Nullable String facts) {
		return (facts != null) ? json.readValue(facts, MessageFacts.class) : null;
	}

	/**
	 * Inserts the row unless its idempotency key exists; answers whether it did. The
	 * row's times are the database's clock: it is created at {@code now()}, due and stale
	 * after the spans the message holds relative to its own {@code createdAt} (the app
	 * clock's now when it was queued: the coalescing hold, the end of the shopper's day).
	 * Only {@code transition_at} (when the status changed) is kept as given.
	 */
	boolean insert(OutboxMessage m) {
		return bind(this.jdbc.sql(INSERT), m).update() == 1;
	}

	/**
	 * {@link #insert} of a shipment's message and, when it was inserted, the shipment's
	 * other pending, never-tried messages of its channel ({@code for update}), in one
	 * statement: what coalescing needs. Empty when the key existed.
	 */
	Optional<List<Pending>> insertWithPending(OutboxMessage m) {
		boolean[] inserted = new boolean[1];
		List<Pending> pending = new ArrayList<>();
		bind(this.jdbc.sql(INSERT_WITH_PENDING), m).query((rs) -> {
			inserted[0] = rs.getInt("inserted") == 1;
			UUID id = rs.getObject("id", UUID.class);
			if (id != null) {
				pending.add(new Pending(id, Trigger.valueOf(rs.getString("trigger")), rs.getInt("priority")));
			}
		});
		return inserted[0] ? Optional.of(pending) : Optional.empty();
	}

	/** A pending message as coalescing weighs it. */
	record Pending(UUID id, Trigger trigger, int priority) {
	}

	/**
	 * "Pending" for a lookup by shipment or order, written so that the planner cannot
	 * serve it from the claim's partial index {@code notify_messages_due_order} (on
	 * {@code status = 'PENDING'}), only from the shipment's or the order's index. The
	 * planner's statistics are a sample taken when the table was last analyzed: taken
	 * while few messages were pending (the steady state), they make that index look
	 * nearly empty, and a lookup through it then reads every pending message. A burst of
	 * pending messages (quiet hours ending, a provider outage) is far below the 10% of
	 * the table that triggers a new analyze: at 55,000 pending messages each enqueue took
	 * 500 ms of PostgreSQL's CPU (docs/performance.md, the eighth run). Same rows as
	 * {@code status = 'PENDING'}.
	 */
	static final String PENDING = "(status = 'PENDING') is true";

	private static final String INSERT = """
			insert into notify_messages (id, store_id, order_id, shipment_id, trigger, channel, idempotency_key,
			  recipient, locale, time_zone, subject, body_text, body_html, essential, priority, status, status_reason, attempts,
			  next_attempt_at, stale_after, transition_at, created_at, resend_of, facts)
			values (:id, :store, :order, :shipment, :trigger, :channel, :key, :recipient, :locale, :zone, :subject, :text,
			  :html, :essential, :priority, :status, :reason, 0, now() + make_interval(secs => :due),
			  now() + make_interval(secs => cast(:stale as double precision)), :transition, now(), :resendOf,
			  cast(:facts as jsonb))
			on conflict (idempotency_key) do nothing""";

	private static final String INSERT_WITH_PENDING = """
			with fresh as (%s returning id),
			pending as (select id, trigger, priority from notify_messages where shipment_id = :shipment
			  and channel = :channel and id <> :id and %s and attempts = 0
			  and exists (select from fresh) for update)
			select (select count(*) from fresh) as inserted, p.id, p.trigger, p.priority
			from (select) one left join pending p on true""".formatted(INSERT, PENDING);

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OutboxMessage m) {
		return spec.param("id", m.id())
			.param("store", m.storeId())
			.param("order", m.orderId())
			.param("shipment", m.shipmentId())
			.param("trigger", m.trigger().name())
			.param("channel", m.channel().name())
			.param("key", m.idempotencyKey())
			.param("recipient", m.recipient())
			.param("locale", m.locale().toLanguageTag())
			.param("zone", m.zone().getId())
			.param("subject", m.subject())
			.param("text", m.bodyText())
			.param("html", m.bodyHtml())
			.param("essential", m.essential())
			.param("priority", m.priority())
			.param("status", m.status().name())
			.param("reason", m.statusReason())
			.param("due", seconds(Duration.between(m.createdAt(), m.nextAttemptAt())))
			.param("stale", (m.staleAfter() != null) ? seconds(Duration.between(m.createdAt(), m.staleAfter())) : null)
			.param("transition", ts(m.transitionAt()))
			.param("resendOf", m.resendOf())
			.param("facts", (m.facts() != null) ? this.json.writeValueAsString(m.facts()) : null);
	}

	/**
	 * Pending messages of an order (or of one of its shipments) that must not go any
	 * more: SUPPRESSED with the reason.
	 */
	int suppressPending(UUID storeId, UUID orderId, @Nullable UUID shipmentId, String reason) {
		return this.jdbc.sql("""
				update notify_messages set status = 'SUPPRESSED', status_reason = ?
				where store_id = ? and order_id = ? and %s
				  and (cast(? as uuid) is null or shipment_id = cast(? as uuid))""".formatted(PENDING))
			.params(reason, storeId, orderId, shipmentId, shipmentId)
			.update();
	}

	void supersede(UUID id, String reason) {
		this.jdbc
			.sql("update notify_messages set status = 'SUPERSEDED', status_reason = ? where id = ? "
					+ "and status = 'PENDING' and attempts = 0")
			.params(reason, id)
			.update();
	}

	/**
	 * Whether a message of this trigger was queued for the order within {@code span}
	 * before now (the database's clock, which wrote {@code created_at}).
	 */
	boolean queuedWithin(UUID orderId, Trigger trigger, Duration span) {
		return this.jdbc
			.sql("select count(*) from notify_messages where order_id = ? and trigger = ? "
					+ "and created_at >= now() - make_interval(secs => ?) and resend_of is null")
			.params(orderId, trigger.name(), seconds(span))
			.query(Integer.class)
			.single() > 0;
	}

	Optional<OutboxMessage> find(UUID storeId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from notify_messages where store_id = ? and id = ?")
			.params(storeId, id)
			.query(this.mapper)
			.optional();
	}

	List<OutboxMessage> forOrder(UUID storeId, UUID orderId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from notify_messages where store_id = ? and order_id = ? order by created_at, id")
			.params(storeId, orderId)
			.query(this.mapper)
			.list();
	}

	List<OutboxMessage> failed(List<UUID> storeIds, int limit) {
		if (storeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " " + """
				from notify_messages where store_id in (:stores)
				and (status in ('DEAD', 'UNCERTAIN') or (status = 'PENDING' and attempts > 0))
				order by created_at desc, id limit :limit""")
			.param("stores", storeIds)
			.param("limit", limit)
			.query(this.mapper)
			.list();
	}

	int countResends(UUID originalId) {
		return this.jdbc.sql("select count(*) from notify_messages where resend_of = ?")
			.param(originalId)
			.query(Integer.class)
			.single();
	}

	static @Nullable Timestamp ts(@Nullable Instant i) {
		return (i != null) ? Timestamp.from(i) : null;
	}

}
