package dev.beacon.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

import dev.beacon.common.Rows;
import dev.beacon.status.Health;

/**
 * Plain-JDBC reads of orders for read models, inside the caller's transaction: an order
 * and its items in one statement, as an {@link OrderDetails} (no managed entity to
 * hydrate, no element collection read apart). Always by store and number: an order of
 * another store is never found.
 */
@Component
class OrderReads {

	private static final String DETAILS = """
			select o.id, o.store_id, o.order_number, o.customer_name, o.customer_email, o.customer_phone,
			  o.customer_locale, o.dest_postal_code, o.dest_city, o.dest_region, o.dest_country, o.origin_postal_code,
			  o.origin_city, o.origin_region, o.origin_country, o.placed_at, o.promised_by, o.status, o.health, o.test,
			  o.created_at, o.updated_at, o.cancelled_at, o.sms_consent, o.sms_consent_source, o.sms_consent_at,
			  o.personal_data_erased_at, i.sku, i.name, i.quantity
			from orders o left join order_items i on i.order_id = o.id
			where o.store_id = ? and o.order_number = ? order by i.position""";

	private final JdbcTemplate jdbc;

	OrderReads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OrderDetails> details(UUID storeId, String orderNumber) {
		ResultSetExtractor<Optional<OrderDetails>> extract = (rs) -> {
			OrderDetails order = null;
			List<OrderItem> items = new ArrayList<>();
			while (rs.next()) {
				if (order == null) {
					order = order(rs);
				}
				String name = rs.getString("name");
				if (name != null) {
					items.add(new OrderItem(rs.getString("sku"), name, rs.getInt("quantity")));
				}
			}
			return (order != null) ? Optional.of(order.withItems(List.copyOf(items))) : Optional.empty();
		};
		return this.jdbc.query(DETAILS, extract, storeId, orderNumber);
	}

	private static OrderDetails order(ResultSet rs) throws SQLException {
		Boolean consented = rs.getObject("sms_consent", Boolean.class);
		Instant consentedAt = Rows.instant(rs, "sms_consent_at");
		String consentSource = rs.getString("sms_consent_source");
		SmsConsent consent = (consented != null && consentedAt != null)
				? new SmsConsent(consented, (consentSource != null) ? consentSource : "unknown", consentedAt) : null;
		return new OrderDetails(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getString("order_number"),
				new Customer(rs.getString("customer_name"), rs.getString("customer_email"),
						rs.getString("customer_phone"), rs.getString("customer_locale")),
				new Address(rs.getString("dest_postal_code"), rs.getString("dest_city"), rs.getString("dest_region"),
						rs.getString("dest_country")),
				new Address(rs.getString("origin_postal_code"), rs.getString("origin_city"),
						rs.getString("origin_region"), rs.getString("origin_country")),
				Rows.instant(rs, "placed_at"), rs.getObject("promised_by", LocalDate.class),
				OrderStatus.valueOf(rs.getString("status")), Health.valueOf(rs.getString("health")), List.of(),
				rs.getBoolean("test"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
				Rows.instant(rs, "cancelled_at"), consent, Rows.instant(rs, "personal_data_erased_at"));
	}

}
