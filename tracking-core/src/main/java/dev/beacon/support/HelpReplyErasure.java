package dev.beacon.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.order.ErasedShopper;
import dev.beacon.order.PersonalDataErasure;
import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * Agents' replies are personal data (they answer one shopper, often by name): the words
 * are erased with the order's personal data, and blanked by retention once older than
 * {@code beacon.retention.message-bodies} (they are message bodies). The reply itself
 * stays (author and time), so the thread still shows that support answered.
 */
@Component
@Order(21)
class HelpReplyErasure implements PersonalDataErasure, RetentionSweep {

	static final String ERASED = HelpRequestErasure.ERASED;

	private final JdbcTemplate jdbc;

	HelpReplyErasure(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void erase(ErasedShopper shopper) {
		this.jdbc.update("""
				update help_replies set text = ?
				where store_id = ? and text <> ?
				  and help_request_id in (select id from help_requests where order_id = ? and store_id = ?)""", ERASED,
				shopper.storeId(), ERASED, shopper.orderId(), shopper.storeId());
	}

	@Override
	public String name() {
		return "help-replies";
	}

	@Override
	@Transactional
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.update("""
				update help_replies set text = ?
				where id in (select id from help_replies where created_at < ? and text <> ? limit ?)""", ERASED,
				Timestamp.from(now.minus(properties.messageBodies())), ERASED, limit);
	}

}
