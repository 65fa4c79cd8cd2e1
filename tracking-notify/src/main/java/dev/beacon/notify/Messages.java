package dev.beacon.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Every state change after the claim is fenced by the lease token, so a
 * dispatcher that lost its lease can no longer record anything.
 */
@Repository
class Messages {

	static final String COLUMNS = "id, store_id, order_id, shipment_id, trigger, channel, idempotency_key, recipient, "
			+ "locale, time_zone, subject, body_text, body_html, essential, priority, status, status_reason, attempts, "
			+ "next_attempt_at, stale_after, lease_token, lease_expires_at, provider_called_at, provider_id, "
			+ "transition_at, created_at, sent_at, resend_of";

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the row unless its idempotency key exists; answers whether it did. */
	boolean insert(OutboxMessage m) {
		return this.jdbc
			.sql("""
					insert into notify_messages (id, store_id, order_id, shipment_id, trigger, channel, idempotency_key,
					  recipient, locale, time_zone, subject, body_text, body_html, essential, priority, status, status_reason, attempts,
					  next_attempt_at, stale_after, transition_at, created_at, resend_of)
					values (:id, :store, :order, :shipment, :trigger, :channel, :key, :recipient, :locale, :zone, :subject, :text,
					  :html, :essential, :priority, :status, :reason, 0, :next, :stale, :transition, :created, :resendOf)
					on conflict (idempotency_key) do nothing""")
			.param("id", m.id())
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
			.param("next", ts(m.nextAttemptAt()))
			.param("stale", ts(m.staleAfter()))
			.param("transition", ts(m.transitionAt()))
			.param("created", ts(m.createdAt()))
			.param("resendOf", m.resendOf())
			.update() == 1;
	}

	/**
	 * Pending, never-tried messages of a shipment and channel, other than {@code except}.
	 */
	List<OutboxMessage> pendingOfShipment(UUID shipmentId, Channel channel, UUID except) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notify_messages where shipment_id = ? and channel = ? and id <> ? "
					+ "and status = 'PENDING' and attempts = 0 for update")
			.params(shipmentId, channel.name(), except)
			.query(MAPPER)
			.list();
	}

	/**
	 * Pending messages of an order (or of one of its shipments) that must not go any
	 * more: SUPPRESSED with the reason.
	 */
	int suppressPending(UUID storeId, UUID orderId, @Nullable UUID shipmentId, String reason) {
		return this.jdbc.sql("""
				update notify_messages set status = 'SUPPRESSED', status_reason = ?
				where store_id = ? and order_id = ? and status = 'PENDING'
				  and (cast(? as uuid) is null or shipment_id = cast(? as uuid))""")
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
	 * Claims due rows: {@code FOR UPDATE SKIP LOCKED} so instances never claim the same
	 * row, a fresh lease token per claim.
	 */
	List<OutboxMessage> claim(int batch, Instant now, Instant leaseUntil, String owner) {
		return this.jdbc.sql("""
				update notify_messages m set status = 'SENDING', attempts = m.attempts + 1, lease_owner = :owner,
				  lease_token = gen_random_uuid(), lease_expires_at = :lease, provider_called_at = null
				from (select id from notify_messages where status = 'PENDING' and next_attempt_at <= :now
				      order by next_attempt_at, id limit :batch for update skip locked) due
				where m.id = due.id
				returning m.""" + COLUMNS.replace(", ", ", m."))
			.param("owner", owner)
			.param("lease", ts(leaseUntil))
			.param("now", ts(now))
			.param("batch", batch)
			.query(MAPPER)
			.list();
	}

	/** Commits "the provider is about to be called" under the lease. */
	boolean markProviderCalled(UUID id, UUID token, Instant now) {
		return this.jdbc.sql(
				"update notify_messages set provider_called_at = ? where id = ? and lease_token = ? and status = 'SENDING'")
			.params(ts(now), id, token)
			.update() == 1;
	}

	/** Ends or reschedules a claimed row; false when the lease was lost meanwhile. */
	boolean finish(UUID id, UUID token, MessageStatus status, @Nullable String reason, @Nullable String providerId,
			@Nullable Instant sentAt, @Nullable Instant nextAttemptAt, boolean uncount) {
		return this.jdbc.sql("""
				update notify_messages set status = :status, status_reason = :reason,
				  attempts = case when :uncount then attempts - 1 else attempts end,
				  provider_id = coalesce(:provider, provider_id), sent_at = coalesce(:sent, sent_at),
				  next_attempt_at = coalesce(:next, next_attempt_at), lease_token = null, lease_expires_at = null,
				  lease_owner = null
				where id = :id and lease_token = :token and status = 'SENDING'""")
			.param("status", status.name())
			.param("reason", reason)
			.param("provider", providerId)
			.param("sent", ts(sentAt))
			.param("next", ts(nextAttemptAt))
			.param("uncount", uncount)
			.param("id", id)
			.param("token", token)
			.update() == 1;
	}

	/**
	 * Rows whose claim expired (their dispatcher died or hung); locked for the rescuer.
	 */
	List<OutboxMessage> expiredLeases(Instant now, int batch) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notify_messages where status = 'SENDING' and lease_expires_at < ? "
					+ "order by lease_expires_at limit ? for update skip locked")
			.params(ts(now), batch)
			.query(MAPPER)
			.list();
	}

	void rescue(UUID id, MessageStatus status, @Nullable String reason, @Nullable String providerId,
			@Nullable Instant sentAt, Instant nextAttemptAt) {
		this.jdbc.sql("""
				update notify_messages set status = :status, status_reason = :reason,
				  provider_id = coalesce(:provider, provider_id), sent_at = coalesce(:sent, sent_at),
				  next_attempt_at = :next, lease_token = null, lease_expires_at = null, lease_owner = null,
				  provider_called_at = null
				where id = :id and status = 'SENDING'""")
			.param("status", status.name())
			.param("reason", reason)
			.param("provider", providerId)
			.param("sent", ts(sentAt))
			.param("next", ts(nextAttemptAt))
			.param("id", id)
			.update();
	}

	/** Whether a message of this trigger was queued for the order since {@code since}. */
	boolean queuedSince(UUID orderId, Trigger trigger, Instant since) {
		return this.jdbc
			.sql("select count(*) from notify_messages where order_id = ? and trigger = ? and created_at >= ? "
					+ "and resend_of is null")
			.params(orderId, trigger.name(), ts(since))
			.query(Integer.class)
			.single() > 0;
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

	/** Sent or in-flight messages of a shipment and channel since {@code since}. */
	int sentSince(UUID shipmentId, Channel channel, Instant since, UUID except) {
		return this.jdbc
			.sql("select count(*) from notify_messages where shipment_id = ? and channel = ? and id <> ? "
					+ "and (status = 'SENT' and sent_at >= ? or status = 'SENDING')")
			.params(shipmentId, channel.name(), except, ts(since))
			.query(Integer.class)
			.single();
	}

	Optional<OutboxMessage> find(UUID storeId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from notify_messages where store_id = ? and id = ?")
			.params(storeId, id)
			.query(MAPPER)
			.optional();
	}

	List<OutboxMessage> forOrder(UUID storeId, UUID orderId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from notify_messages where store_id = ? and order_id = ? order by created_at, id")
			.params(storeId, orderId)
			.query(MAPPER)
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
			.query(MAPPER)
			.list();
	}

	int countResends(UUID originalId) {
		return this.jdbc.sql("select count(*) from notify_messages where resend_of = ?")
			.param(originalId)
			.query(Integer.class)
			.single();
	}

	private static @Nullable Timestamp ts(@Nullable Instant i) {
		return (i != null) ? Timestamp.from(i) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	static final RowMapper<OutboxMessage> MAPPER = (rs, i) -> new OutboxMessage(rs.getObject("id", UUID.class),
			rs.getObject("store_id", UUID.class), rs.getObject("order_id", UUID.class),
			rs.getObject("shipment_id", UUID.class), Trigger.valueOf(rs.getString("trigger")),
			Channel.valueOf(rs.getString("channel")), rs.getString("idempotency_key"), rs.getString("recipient"),
			Locale.forLanguageTag(rs.getString("locale")), java.time.ZoneId.of(rs.getString("time_zone")),
			rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getBoolean("essential"),
			rs.getInt("priority"), MessageStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
			rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "stale_after"),
			rs.getObject("lease_token", UUID.class), instant(rs, "provider_called_at"), rs.getString("provider_id"),
			instant(rs, "transition_at"), instant(rs, "created_at"), instant(rs, "sent_at"),
			rs.getObject("resend_of", UUID.class));

}
