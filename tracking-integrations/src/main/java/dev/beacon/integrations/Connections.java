package dev.beacon.integrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.common.SecretsCipher;

/**
 * The module's table of connections. An account (shop domain, site URL) binds to one
 * store; credentials are stored encrypted through {@link SecretsCipher}. Shopify shops
 * the carriers module connected before (webhooks only, no Admin API token, mode
 * {@code webhooks}) were migrated with their secret in clear and are sealed at start once
 * a key is available ({@link LegacyCredentials}).
 */
@Component
public class Connections {

	/**
	 * Credentials migrated in clear from {@code carrier_webhook_sources} (V610) until
	 * sealed.
	 */
	static final String LEGACY = "plain:";

	private final JdbcTemplate jdbc;

	private final SecretsCipher cipher;

	private final Clock clock;

	Connections(JdbcTemplate jdbc, SecretsCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Connects (or re-connects) a store's shop. Progress and subscription state start
	 * over. An account connected to another store is refused without naming it.
	 */
	@Transactional
	public Connection connect(UUID storeId, String platform, String account, String token, String signingSecret,
			String mode, int backfillDays, boolean writeBack, boolean confirmOrders) {
		this.cipher.requireKey();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update(
				"delete from platform_connections where platform = ? and account = ? and not active and store_id <> ?",
				platform, account, storeId);
		Optional<UUID> owner = this.jdbc
			.queryForList("select store_id from platform_connections where platform = ? and account = ?", UUID.class,
					platform, account)
			.stream()
			.findFirst();
		if (owner.isPresent() && !owner.get().equals(storeId)) {
			throw new IntegrationException(IntegrationException.Kind.CONFLICT,
					"this " + platform + " account is already connected to another Beacon store");
		}
		this.jdbc.update("delete from platform_connections where store_id = ? and platform = ?", storeId, platform);
		try {
			this.jdbc.update("""
					insert into platform_connections (id, store_id, platform, account, token, signing_secret, mode,
					  backfill_days, write_back, confirm_orders, connected_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), storeId, platform, account,
					this.cipher.encrypt(token), this.cipher.encrypt(signingSecret), mode, backfillDays, writeBack,
					confirmOrders, now, now);
		}
		catch (DuplicateKeyException ex) {
			throw new IntegrationException(IntegrationException.Kind.CONFLICT,
					"this " + platform + " account is already connected to another Beacon store");
		}
		return find(storeId, platform).orElseThrow();
	}

	/**
	 * Refuses (409 naming {@code beacon.secrets.key}) when credentials cannot be stored.
	 */
	public void requireKey() {
		this.cipher.requireKey();
	}

	public Optional<Connection> find(UUID storeId, String platform) {
		return this.jdbc
			.query("select * from platform_connections where store_id = ? and platform = ?", this::row, storeId,
					platform)
			.stream()
			.findFirst();
	}

	public Optional<Connection> byAccount(String platform, String account) {
		return this.jdbc
			.query("select * from platform_connections where platform = ? and account = ?", this::row, platform,
					account)
			.stream()
			.findFirst();
	}

	/** Connections whose webhook subscription failed and is due for another try. */
	public List<Connection> withFailedSubscription() {
		return this.jdbc.query(
				"select * from platform_connections where active and subscription_status = 'failed' order by updated_at limit 50",
				this::row);
	}

	public boolean disconnect(UUID storeId, String platform) {
		return this.jdbc.update("delete from platform_connections where store_id = ? and platform = ?", storeId,
				platform) > 0;
	}

	/**
	 * The app was uninstalled: the token goes (an empty one needs no sealing), the
	 * signing secret stays for the privacy topics.
	 */
	public void deactivate(UUID connectionId) {
		this.jdbc.update("update platform_connections set active = false, token = ?, updated_at = ? where id = ?",
				LEGACY, Timestamp.from(this.clock.instant()), connectionId);
	}

	public void delete(UUID connectionId) {
		this.jdbc.update("delete from platform_connections where id = ?", connectionId);
	}

	public void subscription(UUID connectionId, String status, @Nullable String error) {
		this.jdbc.update("""
				update platform_connections set subscription_status = ?, subscription_error = ?,
				  subscription_attempts = subscription_attempts + 1, updated_at = ? where id = ?""", status, error,
				Timestamp.from(this.clock.instant()), connectionId);
	}

	public void backfill(UUID connectionId, String status, int imported, int pages, @Nullable String error) {
		this.jdbc.update("""
				update platform_connections set backfill_status = ?, backfill_imported = ?, backfill_pages = ?,
				  backfill_error = ?, updated_at = ? where id = ?""", status, imported, pages, error,
				Timestamp.from(this.clock.instant()), connectionId);
	}

	public void settings(UUID connectionId, boolean writeBack, boolean confirmOrders) {
		this.jdbc.update(
				"update platform_connections set write_back = ?, confirm_orders = ?, updated_at = ? where id = ?",
				writeBack, confirmOrders, Timestamp.from(this.clock.instant()), connectionId);
	}

	/**
	 * Whether orders from this platform get Beacon's order confirmation in this store.
	 */
	public boolean confirmsOrders(UUID storeId, String platform) {
		return find(storeId, platform).map(Connection::confirmOrders).orElse(false);
	}

	/**
	 * Seals credentials still stored in clear ({@code plain:}, the Shopify shops migrated
	 * from the carriers module's webhook sources) once a key is available. Answers how
	 * many connections were sealed.
	 */
	@Transactional
	public int sealLegacyCredentials() {
		List<UUID> ids = this.jdbc.queryForList(
				"select id from platform_connections where token like 'plain:%' or signing_secret like 'plain:%' for update",
				UUID.class);
		for (UUID id : ids) {
			this.jdbc.query("select token, signing_secret from platform_connections where id = ?", (rs) -> {
				this.jdbc.update("update platform_connections set token = ?, signing_secret = ? where id = ?",
						this.cipher.encrypt(open(rs.getString("token"))),
						this.cipher.encrypt(open(rs.getString("signing_secret"))), id);
			}, id);
		}
		return ids.size();
	}

	/** A stored credential in clear: sealed ({@code v1:}) or legacy ({@code plain:}). */
	private String open(String stored) {
		return stored.startsWith(LEGACY) ? stored.substring(LEGACY.length()) : this.cipher.decrypt(stored);
	}

	private Connection row(ResultSet rs, int i) throws SQLException {
		return new Connection(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getString("platform"), rs.getString("account"), open(rs.getString("token")),
				open(rs.getString("signing_secret")), rs.getString("mode"), rs.getBoolean("active"),
				rs.getInt("backfill_days"), rs.getBoolean("write_back"), rs.getBoolean("confirm_orders"),
				rs.getString("subscription_status"), rs.getString("subscription_error"),
				rs.getInt("subscription_attempts"), rs.getString("backfill_status"), rs.getInt("backfill_imported"),
				rs.getInt("backfill_pages"), rs.getString("backfill_error"),
				rs.getTimestamp("connected_at").toInstant());
	}

}
