package dev.beacon.integrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.common.Hmac;
import dev.beacon.common.SecretsCipher;
import dev.beacon.common.SecretsKeyMissingException;

/**
 * The module's table of connections. An account (shop domain, site URL) binds to one
 * store, claimed only with credentials the platform accepted ({@link VerifiedAccount});
 * credentials are stored encrypted through {@link SecretsCipher}. Shopify shops the
 * carriers module connected before (webhooks only, no Admin API token, mode
 * {@code webhooks}) were migrated with their secret in clear and are sealed at start once
 * a key is available ({@link LegacyCredentials}).
 */
@Component
public class Connections {

	private static final Logger log = LoggerFactory.getLogger(Connections.class);

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
	 * What a connect asks for besides the verified account.
	 *
	 * @param mode {@code custom} or {@code oauth}
	 */
	record Terms(String signingSecret, String mode, int backfillDays, boolean writeBack, boolean confirmOrders) {
	}

	/** A connect's outcome: the connection, and whether it is new (else unchanged). */
	record Claim(Connection connection, boolean fresh) {
	}

	/**
	 * Connects (or re-connects) a store's shop with credentials its platform accepted.
	 * Progress and subscription state start over; the same connect again (a double
	 * submit) changes nothing and answers the connection as it is. An account connected
	 * to another store is refused without naming it, unless that claim is inactive or
	 * unverified: a verified connect takes it over. Connects of one store and platform
	 * run one at a time.
	 */
	@Transactional
	Claim connect(UUID storeId, VerifiedAccount verified, Terms terms) {
		this.cipher.requireKey();
		String platform = verified.platform();
		String account = verified.account();
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))",
				"platform-connect:" + storeId + ":" + platform);
		Optional<Connection> same = unchanged(storeId, platform, account, verified.token(), terms);
		if (same.isPresent()) {
			return new Claim(same.get(), false);
		}
		int replaced = this.jdbc.update("""
				delete from platform_connections where platform = ? and account = ? and store_id <> ?
				  and (not active or verified_at is null)""", platform, account, storeId);
		if (replaced > 0) {
			log.warn("{} {}: an inactive or unverified connection of another store gave way to a verified one",
					platform, account);
		}
		if (claimedByAnother(storeId, platform, account)) {
			throw taken(platform);
		}
		this.jdbc.update("delete from platform_connections where store_id = ? and platform = ?", storeId, platform);
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.update("""
					insert into platform_connections (id, store_id, platform, account, token, signing_secret, mode,
					  backfill_days, write_back, confirm_orders, connected_at, updated_at, verified_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), storeId, platform, account,
					this.cipher.encrypt(verified.token()), this.cipher.encrypt(terms.signingSecret()), terms.mode(),
					terms.backfillDays(), terms.writeBack(), terms.confirmOrders(), now, now, now);
		}
		catch (DuplicateKeyException ex) {
			throw taken(platform);
		}
		return new Claim(find(storeId, platform).orElseThrow(), true);
	}

	/**
	 * The store's active connection when it is exactly what a connect asks for (same
	 * account, credentials and switches): connecting again would change nothing.
	 */
	Optional<Connection> unchanged(UUID storeId, String platform, String account, String token, Terms terms) {
		return find(storeId, platform)
			.filter((c) -> c.active() && c.credentialsReadable() && c.account().equals(account)
					&& Hmac.matches(c.token(), token) && Hmac.matches(c.signingSecret(), terms.signingSecret())
					&& c.mode().equals(terms.mode()) && c.backfillDays() == terms.backfillDays()
					&& c.writeBack() == terms.writeBack() && c.confirmOrders() == terms.confirmOrders());
	}

	/**
	 * Whether another store holds the account with a connection that is active and was
	 * verified (the claims a connect cannot take over).
	 */
	boolean claimedByAnother(UUID storeId, String platform, String account) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from platform_connections where platform = ? and account = ?
				  and store_id <> ? and active and verified_at is not null)""", Boolean.class, platform, account,
				storeId));
	}

	static IntegrationException taken(String platform) {
		return new IntegrationException(IntegrationException.Kind.CONFLICT,
				"this " + platform + " account is already connected to another Beacon store");
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
						seal(rs.getString("token")), seal(rs.getString("signing_secret")), id);
			}, id);
		}
		return ids.size();
	}

	/**
	 * A legacy credential sealed; a sealed one as it is (never decrypted here, so one
	 * sealed with another key does not stop the others).
	 */
	private String seal(String stored) {
		return stored.startsWith(LEGACY) ? this.cipher.encrypt(stored.substring(LEGACY.length())) : stored;
	}

	/** A stored credential in clear: sealed ({@code v1:}) or legacy ({@code plain:}). */
	private String open(String stored) {
		return stored.startsWith(LEGACY) ? stored.substring(LEGACY.length()) : this.cipher.decrypt(stored);
	}

	/**
	 * A row as a connection. Credentials that cannot be decrypted (another
	 * {@code beacon.secrets.key}, or none) make a connection whose credentials are
	 * unreadable, never a failed read.
	 */
	private Connection row(ResultSet rs, int i) throws SQLException {
		String token = "";
		String signingSecret = "";
		boolean readable;
		try {
			token = open(rs.getString("token"));
			signingSecret = open(rs.getString("signing_secret"));
			readable = true;
		}
		catch (IllegalStateException | SecretsKeyMissingException ex) {
			token = "";
			signingSecret = "";
			readable = false;
		}
		return new Connection(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
				rs.getString("platform"), rs.getString("account"), token, signingSecret, rs.getString("mode"),
				rs.getBoolean("active"), rs.getInt("backfill_days"), rs.getBoolean("write_back"),
				rs.getBoolean("confirm_orders"), rs.getString("subscription_status"),
				rs.getString("subscription_error"), rs.getInt("subscription_attempts"), rs.getString("backfill_status"),
				rs.getInt("backfill_imported"), rs.getInt("backfill_pages"), rs.getString("backfill_error"),
				rs.getTimestamp("connected_at").toInstant(), rs.getTimestamp("verified_at") != null, readable);
	}

}
