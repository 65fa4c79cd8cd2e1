package dev.beacon.integrations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A connection as the API and console show it: never a secret.
 *
 * @param account the shop domain or site URL
 * @param credentials whether Beacon can read the stored credentials
 */
public record ConnectionView(String platform, String account, String mode, boolean active, Instant connectedAt,
		int backfillDays, boolean writeBack, boolean confirmOrders, Credentials credentials, Webhooks webhooks,
		Backfill backfill) {

	/**
	 * The stored credentials: {@code readable}, or {@code unreadable} (sealed with
	 * another {@code beacon.secrets.key}) with the error {@value Connection#UNREADABLE}.
	 */
	public record Credentials(String status, @Nullable String error) {
	}

	/** Beacon's webhook subscription at the platform. */
	public record Webhooks(String status, @Nullable String error, int attempts) {
	}

	/** The import of recent orders. */
	public record Backfill(String status, int imported, int pages, @Nullable String error) {
	}

	public static ConnectionView of(Connection c) {
		return new ConnectionView(c.platform(), c.account(), c.mode(), c.active(), c.connectedAt(), c.backfillDays(),
				c.writeBack(), c.confirmOrders(),
				c.credentialsReadable() ? new Credentials("readable", null)
						: new Credentials("unreadable", Connection.UNREADABLE),
				new Webhooks(c.subscriptionStatus(), c.subscriptionError(), c.subscriptionAttempts()),
				new Backfill(c.backfillStatus(), c.backfillImported(), c.backfillPages(), c.backfillError()));
	}

}
