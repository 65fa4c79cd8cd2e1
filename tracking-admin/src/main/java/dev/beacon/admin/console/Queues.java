package dev.beacon.admin.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.beacon.common.BusinessCalendar;
import dev.beacon.promise.Lane;
import dev.beacon.promise.Promise;
import dev.beacon.promise.PromiseEngine;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.SupportManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work queues that find trouble before the shopper does. Every row says why it is there.
 */
@Component
class Queues {

	static final int LIMIT = 200;

	/** Business days in transit that count as stuck when a lane has no history. */
	static final int DEFAULT_STUCK_DAYS = 7;

	private final NamedParameterJdbcTemplate jdbc;

	private final PromiseEngine engine;

	private final SupportManagement support;

	private final OrderNotes notes;

	private final MessageRows messages;

	Queues(NamedParameterJdbcTemplate jdbc, PromiseEngine engine, SupportManagement support, OrderNotes notes,
			MessageRows messages) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.support = support;
		this.notes = notes;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	List<Queue> all(List<UUID> storeIds, Instant now) {
		List<Queue> queues = new ArrayList<>();
		queues.add(new Queue("stuck", "Stuck in transit", "Longer in transit than the lane normally takes",
				stuck(storeIds, now)));
		queues.add(new Queue("exceptions", "Exceptions needing action", "The carrier reports a problem to act on",
				exceptions(storeIds)));
		queues.add(new Queue("attempted", "Delivery attempted", "The carrier tried and failed to deliver",
				attempted(storeIds)));
		queues.add(new Queue("claims", "Delivered but not received", "Open claims recorded by agents",
				this.notes.open(storeIds, OrderNotes.Kind.CLAIM, LIMIT)
					.stream()
					.map((n) -> new Row(n.orderId(), n.orderNumber(), "Claim by " + n.author() + ": " + n.body(),
							n.createdAt(), false))
					.toList()));
		queues.add(new Queue("escalations", "Escalations", "Orders an agent escalated",
				this.notes.open(storeIds, OrderNotes.Kind.ESCALATION, LIMIT)
					.stream()
					.map((n) -> new Row(n.orderId(), n.orderNumber(), "Escalated by " + n.author() + ": " + n.body(),
							n.createdAt(), false))
					.toList()));
		queues.add(new Queue("help", "Open help requests", "Shoppers asked for help", help(storeIds)));
		queues.add(new Queue("failed-messages", "Failed messages", "Notifications that could not be delivered",
				this.messages.failed(storeIds, LIMIT)
					.stream()
					.map((m) -> new Row(m.orderId(), m.orderNumber(),
							m.channel() + " to " + m.recipient() + " failed"
									+ ((m.detail() != null) ? ": " + m.detail() : ""),
							m.createdAt(), false))
					.toList()));
		return queues;
	}

	List<Row> stuck(List<UUID> storeIds, Instant now) {
		if (storeIds.isEmpty()) {
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		this.jdbc.query("""
				select s.store_id, st.time_zone, o.id as order_id, o.order_number, o.test, s.carrier, s.service,
				       coalesce(s.shipped_at, s.created_at) as since, s.milestone, s.status_location,
				       o.origin_region, o.origin_country, o.dest_region, o.dest_country
				from shipments s join orders o on o.id = s.order_id join stores st on st.id = s.store_id
				where s.store_id in (:stores) and s.removed_at is null and s.milestone in ('PICKED_UP', 'IN_TRANSIT')
				  and coalesce(s.shipped_at, s.created_at) < :since
				order by coalesce(s.shipped_at, s.created_at) limit 2000""",
				new MapSqlParameterSource("stores", storeIds).addValue("since",
						Timestamp.from(now.minus(java.time.Duration.ofDays(2)))),
				(rs) -> {
					UUID storeId = rs.getObject("store_id", UUID.class);
					ZoneId zone = ZoneId.of(rs.getString("time_zone"));
					Instant since = rs.getTimestamp("since").toInstant();
					Lane lane = Lane.of(rs.getString("origin_region"), rs.getString("origin_country"),
							rs.getString("dest_region"), rs.getString("dest_country"), rs.getString("carrier"),
							rs.getString("service"));
					String country = lane.destinationCountry().isEmpty() ? "US" : lane.destinationCountry();
					LocalDate start = since.atZone(zone).toLocalDate();
					LocalDate today = now.atZone(zone).toLocalDate();
					int days = BusinessCalendar.businessDaysBetween(start, today, country);
					Optional<Promise> usual = this.engine.fromHandover(storeId, lane, since);
					String why;
					if (usual.isPresent()) {
						if (!today.isAfter(usual.get().latest())) {
							return;
						}
						why = "In transit " + days + " business days since " + start + "; "
								+ Math.round(usual.get().confidence() * 100) + "% of " + usual.get().samples()
								+ " parcels on " + usual.get().lane() + " arrived within " + usual.get().latestDays()
								+ " business days";
					}
					else {
						if (days <= DEFAULT_STUCK_DAYS) {
							return;
						}
						why = "In transit " + days + " business days since " + start + "; no history for this lane, "
								+ "flagged after " + DEFAULT_STUCK_DAYS + " business days";
					}
					String where = rs.getString("status_location");
					if (where != null && !where.isBlank()) {
						why += " (last seen " + where + ")";
					}
					if (rows.size() < LIMIT) {
						rows.add(new Row(rs.getObject("order_id", UUID.class), rs.getString("order_number"), why, since,
								rs.getBoolean("test")));
					}
				});
		return rows;
	}

	List<Row> exceptions(List<UUID> storeIds) {
		return shipmentRows(storeIds, """
				s.milestone not in ('DELIVERED', 'RETURNED', 'CANCELLED', 'DELIVERY_ATTEMPTED')
				and (s.action_required or s.health in ('EXCEPTION', 'ACTION_REQUIRED'))""", "");
	}

	List<Row> attempted(List<UUID> storeIds) {
		return shipmentRows(storeIds, "s.milestone = 'DELIVERY_ATTEMPTED'", "Delivery attempted");
	}

	private List<Row> shipmentRows(List<UUID> storeIds, String condition, String prefix) {
		if (storeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("""
				select o.id as order_id, o.order_number, o.test, s.carrier, s.tracking_number, s.health, s.reason,
				       s.status_text, s.status_location, coalesce(s.last_event_at, s.updated_at) as since
				from shipments s join orders o on o.id = s.order_id
				where s.store_id in (:stores) and s.removed_at is null and %s
				order by coalesce(s.last_event_at, s.updated_at) limit :limit""".formatted(condition),
				new MapSqlParameterSource("stores", storeIds).addValue("limit", LIMIT), (rs, i) -> {
					StringBuilder why = new StringBuilder(prefix.isEmpty() ? rs.getString("health") : prefix);
					String reason = rs.getString("reason");
					if (reason != null) {
						why.append(" (")
							.append(reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
							.append(')');
					}
					why.append(": ").append(text(rs.getString("status_text"), "no detail from the carrier"));
					String where = rs.getString("status_location");
					if (where != null && !where.isBlank()) {
						why.append(", ").append(where);
					}
					why.append(" [")
						.append(rs.getString("carrier"))
						.append(' ')
						.append(rs.getString("tracking_number"))
						.append(']');
					return new Row(rs.getObject("order_id", UUID.class), rs.getString("order_number"), why.toString(),
							rs.getTimestamp("since").toInstant(), rs.getBoolean("test"));
				});
	}

	private List<Row> help(List<UUID> storeIds) {
		List<HelpRequest> open = this.support.open(storeIds, LIMIT);
		if (open.isEmpty()) {
			return List.of();
		}
		Map<UUID, String> numbers = new HashMap<>();
		this.jdbc.query("select id, order_number from orders where store_id in (:stores) and id in (:ids)",
				new MapSqlParameterSource("stores", storeIds).addValue("ids",
						open.stream().map(HelpRequest::getOrderId).distinct().toList()),
				(rs) -> {
					numbers.put(rs.getObject(1, UUID.class), rs.getString(2));
				});
		return open.stream()
			.map((h) -> new Row(h.getOrderId(), numbers.getOrDefault(h.getOrderId(), "?"),
					"Shopper asks: " + h.getTopic().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
							+ " - \"" + abbreviate(h.getMessage()) + "\"",
					h.getCreatedAt(), false))
			.toList();
	}

	private static String abbreviate(String s) {
		return (s.length() > 140) ? s.substring(0, 139) + "…" : s;
	}

	private static String text(@Nullable String s, String fallback) {
		return (s == null || s.isBlank()) ? fallback : s;
	}

	record Queue(String id, String title, String description, List<Row> rows) {
	}

	record Row(UUID orderId, String orderNumber, String why, Instant since, boolean test) {
	}

}
