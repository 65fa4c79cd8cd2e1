package dev.beacon.admin.console;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Internal notes, escalations and delivered-not-received claims on orders. */
@Component
class OrderNotes {

	enum Kind {

		NOTE, ESCALATION, CLAIM

	}

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	OrderNotes(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional
	Note add(UUID storeId, UUID orderId, Kind kind, String author, String body) {
		String text = body.strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("the note is empty");
		}
		if (text.length() > 2000) {
			throw new IllegalArgumentException("a note is at most 2000 characters");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into order_notes (id, store_id, order_id, kind, author, body, created_at)
				values (:id, :store, :order, :kind, :author, :body, :now)""",
				new MapSqlParameterSource("id", id).addValue("store", storeId)
					.addValue("order", orderId)
					.addValue("kind", kind.name())
					.addValue("author", author)
					.addValue("body", text)
					.addValue("now", Timestamp.from(now)));
		return new Note(id, orderId, kind, author, text, now, null, "");
	}

	@Transactional
	void resolve(UUID storeId, UUID orderId, UUID noteId) {
		this.jdbc.update("""
				update order_notes set resolved_at = now()
				where id = :id and store_id = :store and order_id = :order and resolved_at is null""",
				new MapSqlParameterSource("id", noteId).addValue("store", storeId).addValue("order", orderId));
	}

	@Transactional(readOnly = true)
	List<Note> forOrder(UUID storeId, UUID orderId) {
		return this.jdbc.query("""
				select n.*, o.order_number from order_notes n join orders o on o.id = n.order_id
				where n.store_id = :store and n.order_id = :order order by n.created_at desc""",
				new MapSqlParameterSource("store", storeId).addValue("order", orderId), OrderNotes::note);
	}

	@Transactional(readOnly = true)
	List<Note> open(List<UUID> storeIds, Kind kind, int limit) {
		if (storeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("""
				select n.*, o.order_number from order_notes n join orders o on o.id = n.order_id
				where n.store_id in (:stores) and n.kind = :kind and n.resolved_at is null
				order by n.created_at limit :limit""",
				new MapSqlParameterSource("stores", storeIds).addValue("kind", kind.name()).addValue("limit", limit),
				OrderNotes::note);
	}

	private static Note note(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new Note(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				Kind.valueOf(rs.getString("kind")), rs.getString("author"), rs.getString("body"),
				rs.getTimestamp("created_at").toInstant(), (resolved != null) ? resolved.toInstant() : null,
				rs.getString("order_number"));
	}

	record Note(UUID id, UUID orderId, Kind kind, String author, String body, Instant createdAt,
			@Nullable Instant resolvedAt, String orderNumber) {

		boolean open() {
			return this.resolvedAt == null;
		}

	}

}
