package dev.beacon.web.hooks;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * Outbound webhook deliveries that are over (delivered, dead or cancelled) are deleted
 * {@code beacon.retention.webhook-deliveries} after they were created; pending ones are
 * never touched.
 */
@Component
class WebhookDeliveryRetention implements RetentionSweep {

	private final JdbcTemplate jdbc;

	WebhookDeliveryRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "webhook-deliveries";
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.update("""
				delete from webhook_deliveries where id in (
				  select id from webhook_deliveries
				  where status in ('DELIVERED', 'DEAD', 'CANCELLED') and created_at < ? limit ?)""",
				Timestamp.from(now.minus(properties.webhookDeliveries())), limit);
	}

}
