package dev.beacon.admin.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.beacon.shipment.ShipmentManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one search box: order number, tracking number, email, phone or customer name,
 * partial and case-insensitive, within the user's stores. Each field is answered from a
 * trigram GIN index (V401); queries shorter than three characters match order and
 * tracking numbers exactly.
 */
@Component
class ConsoleSearch {

	static final int LIMIT = 20;

	private final NamedParameterJdbcTemplate jdbc;

	ConsoleSearch(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Hit> search(List<UUID> storeIds, @Nullable String query) {
		String q = (query == null) ? "" : query.strip();
		if (q.isEmpty() || storeIds.isEmpty() || q.length() > 200) {
			return List.of();
		}
		String lower = q.toLowerCase(Locale.ROOT);
		String digits = q.replaceAll("[^0-9]", "");
		String number = ShipmentManagement.normalizeTrackingNumber(q);
		MapSqlParameterSource p = new MapSqlParameterSource("stores", storeIds).addValue("limit", LIMIT)
			.addValue("exact", q)
			.addValue("number", number);
		String candidates;
		if (q.length() < 3) {
			candidates = """
					(select id, placed_at from orders where store_id in (:stores) and order_number = :exact)
					union
					(select o.id, o.placed_at from shipments s join orders o on o.id = s.order_id
					 where s.store_id in (:stores) and s.tracking_number = :number and s.removed_at is null)""";
		}
		else {
			// One statement per table: with the conditions OR-ed the planner either
			// combines
			// the trigram indexes (rare terms) or walks orders newest first until it has
			// a
			// page (common terms such as a frequent surname).
			p.addValue("p", "%" + like(lower) + "%").addValue("tn", "%" + like(number) + "%");
			StringBuilder sb = new StringBuilder("""
					(select id, placed_at from orders where store_id in (:stores)
					   and (lower(order_number) like :p or lower(customer_email) like :p
					        or beacon_unaccent(lower(customer_name)) like beacon_unaccent(:p)""");
			sb.append(") order by placed_at desc, id limit :limit)");
			if (digits.length() >= 4 && digits.length() * 2 >= q.replaceAll("\\s", "").length()) {
				p.addValue("digits", "%" + digits + "%");
				sb.append("""

						union
						(select id, placed_at from orders where store_id in (:stores)
						   and regexp_replace(customer_phone, '[^0-9]', '', 'g') like :digits
						 order by placed_at desc, id limit :limit)""");
			}
			if (number.matches("[A-Z0-9]{3,}")) {
				sb.append("""

						union
						(select o.id, o.placed_at from shipments s join orders o on o.id = s.order_id
						 where s.store_id in (:stores) and s.tracking_number like :tn and s.removed_at is null
						 order by o.placed_at desc, o.id limit :limit)""");
			}
			candidates = sb.toString();
		}
		return this.jdbc.query("""
				select o.id, o.store_id, st.slug, o.order_number, o.customer_name, o.customer_email, o.customer_phone,
				       o.status, o.health, o.placed_at, o.test,
				       (select string_agg(s.tracking_number, ' ' order by s.created_at) from shipments s
				        where s.order_id = o.id and s.removed_at is null) as numbers
				from (%s) c join orders o on o.id = c.id join stores st on st.id = o.store_id
				where o.store_id in (:stores)
				order by o.placed_at desc, o.id
				limit :limit""".formatted(candidates), p,
				(rs, i) -> new Hit(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
						rs.getString("slug"), rs.getString("order_number"), rs.getString("customer_name"),
						rs.getString("customer_email"), rs.getString("customer_phone"), rs.getString("status"),
						rs.getString("health"), instant(rs.getTimestamp("placed_at")), rs.getBoolean("test"),
						rs.getString("numbers")));
	}

	private static String like(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Instant instant(Timestamp ts) {
		return ts.toInstant();
	}

	record Hit(UUID orderId, UUID storeId, String storeSlug, String orderNumber, @Nullable String customerName,
			@Nullable String email, @Nullable String phone, String status, String health, Instant placedAt,
			boolean test, @Nullable String trackingNumbers) {
	}

}
