package dev.beacon.support;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.ErasedShopper;
import dev.beacon.order.PersonalDataErasure;

/**
 * A help request keeps its topic, times and resolution state; the shopper's words and
 * contact address are erased, and the shopper's name, email and phone are blanked out of
 * the store's resolution note.
 */
@Component
@Order(20)
class HelpRequestErasure implements PersonalDataErasure {

	static final String ERASED = "[erased]";

	private final JdbcTemplate jdbc;

	HelpRequestErasure(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void erase(ErasedShopper shopper) {
		this.jdbc.update("""
				update help_requests set message = ?, contact_email = null
				where order_id = ? and store_id = ?""", ERASED, shopper.orderId(), shopper.storeId());
		for (String value : new String[] { shopper.name(), shopper.email(), shopper.phone() }) {
			if (value != null && !value.isBlank()) {
				this.jdbc.update("""
						update help_requests set resolution = replace(resolution, ?, ?)
						where order_id = ? and store_id = ? and resolution is not null""", value, ERASED,
						shopper.orderId(), shopper.storeId());
			}
		}
	}

}
