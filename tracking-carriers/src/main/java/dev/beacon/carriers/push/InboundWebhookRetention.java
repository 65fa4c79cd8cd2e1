package dev.beacon.carriers.push;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.retention.AgedRowsSweep;
import dev.beacon.retention.RetentionProperties;

/**
 * Inbound webhook deduplication rows (sender's event ids) are deleted
 * {@code beacon.retention.inbound-webhooks} after they arrived: senders retry for hours,
 * not weeks.
 */
@Component
class InboundWebhookRetention extends AgedRowsSweep {

	InboundWebhookRetention(JdbcTemplate jdbc) {
		super(jdbc, "inbound-webhooks", "carrier_webhook_deliveries", "received_at", "true",
				RetentionProperties::inboundWebhooks);
	}

}
