package dev.beacon.web.hooks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.retention.AgedRowsSweep;
import dev.beacon.retention.RetentionProperties;

/**
 * Outbound webhook deliveries that are over (delivered, dead or cancelled) are deleted
 * {@code beacon.retention.webhook-deliveries} after they were created; pending ones are
 * never touched.
 */
@Component
class WebhookDeliveryRetention extends AgedRowsSweep {

	WebhookDeliveryRetention(JdbcTemplate jdbc) {
		super(jdbc, "webhook-deliveries", "webhook_deliveries", "created_at",
				"status in ('DELIVERED', 'DEAD', 'CANCELLED')", RetentionProperties::webhookDeliveries);
	}

}
