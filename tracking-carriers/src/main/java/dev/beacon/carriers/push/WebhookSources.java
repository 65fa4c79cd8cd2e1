package dev.beacon.carriers.push;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The carriers module's own tables for inbound webhooks: which store a sender account (an
 * EasyPost endpoint) belongs to with its signing secret, and the deliveries already
 * applied. Rows of source {@code shopify} (and {@code shopify_fulfillments}) are kept as
 * they were; migration V610 copied them into the integrations module's connections.
 */
@Component
public class WebhookSources {

	/** A connected sender account. */
	public record Source(UUID storeId, String secret) {
	}

	private final JdbcTemplate jdbc;

	WebhookSources(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Connects (or re-keys) a sender account to a store. An account already connected to
	 * another store is refused.
	 */
	@Transactional
	public void connect(UUID storeId, String source, String account, String secret) {
		if (secret.isBlank() || account.isBlank()) {
			throw new IllegalArgumentException("account and secret must not be blank");
		}
		int rows = this.jdbc.update("""
				insert into carrier_webhook_sources (id, store_id, source, account, secret, created_at)
				values (?, ?, ?, ?, ?, now())
				on conflict (source, account) do update set secret = excluded.secret
				where carrier_webhook_sources.store_id = excluded.store_id""", UUID.randomUUID(), storeId, source,
				normalize(account), secret);
		if (rows == 0) {
			throw new IllegalArgumentException(source + " account " + account + " is connected to another store");
		}
	}

	public Optional<Source> find(String source, String account) {
		return this.jdbc
			.query("select store_id, secret from carrier_webhook_sources where source = ? and account = ?",
					(rs, i) -> new Source(rs.getObject("store_id", UUID.class), rs.getString("secret")), source,
					normalize(account))
			.stream()
			.findFirst();
	}

	/** Records a delivery; false when it was applied before. */
	boolean firstDelivery(String source, String eventId, UUID storeId) {
		return this.jdbc.update("""
				insert into carrier_webhook_deliveries (source, event_id, store_id, received_at)
				values (?, ?, ?, now()) on conflict do nothing""", source, eventId, storeId) == 1;
	}

	private static String normalize(String account) {
		return account.strip().toLowerCase(Locale.ROOT);
	}

}
