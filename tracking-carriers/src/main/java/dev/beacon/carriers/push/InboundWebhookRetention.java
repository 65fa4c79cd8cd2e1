package dev.beacon.carriers.push;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * Inbound webhook deduplication rows (sender's event ids) are deleted
 * {@code beacon.retention.inbound-webhooks} after they arrived: senders retry for hours,
 * not weeks.
 */
@Component
class InboundWebhookRetention implements RetentionSweep {

	private final JdbcTemplate jdbc;

	InboundWebhookRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "inbound-webhooks";
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.update("""
				delete from carrier_webhook_deliveries where ctid in (
				  select ctid from carrier_webhook_deliveries where received_at < ? limit ?)""",
				Timestamp.from(now.minus(properties.inboundWebhooks())), limit);
	}

}
