package dev.beacon.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users: create (idempotent by username), bind to stores, lock after repeated
 * failed logins, unlock, disable. Passwords are stored with Spring Security's delegating
 * encoder (BCrypt, {@code {bcrypt}} prefix). The module's public API: the app's demo
 * loader creates its demo users through {@link #createUser}.
 */
@Service
@EnableConfigurationProperties(ConsoleSettings.class)
public class ConsoleUserManagement {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{2,80}");

	/** The shortest password the console and the command line accept for a new one. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	/** The longest password accepted (BCrypt reads at most 72 bytes anyway). */
	public static final int MAX_PASSWORD_LENGTH = 200;

	private final NamedParameterJdbcTemplate jdbc;

	private final ConsoleSettings settings;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final Clock clock;

	ConsoleUserManagement(NamedParameterJdbcTemplate jdbc, ConsoleSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates a console user bound to the given stores. Idempotent by username: when the
	 * user exists, its stores are extended with {@code storeIds} and nothing else
	 * changes.
	 * @throws IllegalArgumentException when the username, password or store set is
	 * invalid
	 */
	@Transactional
	public ConsoleUser createUser(String username, String displayName, String rawPassword, Role role,
			Set<UUID> storeIds) {
		String name = normalize(username);
		if (!USERNAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"username must be 2 to 80 lowercase letters, digits or . _ @ - characters");
		}
		if (role == Role.OPERATOR && !storeIds.isEmpty()) {
			throw new IllegalArgumentException("an OPERATOR works on every store and takes no stores");
		}
		if (role != Role.OPERATOR && storeIds.isEmpty()) {
			throw new IllegalArgumentException("a console user needs at least one store");
		}
		Optional<ConsoleUser> existing = byUsername(name);
		UUID id;
		if (existing.isPresent()) {
			id = existing.get().id();
		}
		else {
			if (rawPassword.isBlank()) {
				throw new IllegalArgumentException("password must not be blank");
			}
			String display = displayName.isBlank() ? name : displayName.strip();
			id = UUID.randomUUID();
			this.jdbc.update("""
					insert into console_users (id, username, display_name, password_hash, role, created_at)
					values (:id, :username, :display, :hash, :role, :now)""",
					new MapSqlParameterSource("id", id).addValue("username", name)
						.addValue("display", display.length() > 120 ? display.substring(0, 120) : display)
						.addValue("hash", this.encoder.encode(rawPassword))
						.addValue("role", role.name())
						.addValue("now", Timestamp.from(this.clock.instant())));
		}
		bind(id, storeIds);
		return byId(id).orElseThrow();
	}

	/** Adds stores to a user (e.g. the admin who just created a store). */
	@Transactional
	public void bind(UUID userId, Collection<UUID> storeIds) {
		for (UUID storeId : storeIds) {
			this.jdbc.update("""
					insert into console_user_stores (user_id, store_id) values (:user, :store)
					on conflict do nothing""", new MapSqlParameterSource("user", userId).addValue("store", storeId));
		}
	}

	@Transactional(readOnly = true)
	public Optional<ConsoleUser> byUsername(String username) {
		return one("where u.username = :v", normalize(username));
	}

	@Transactional(readOnly = true)
	public Optional<ConsoleUser> byId(UUID id) {
		return one("where u.id = :v", id);
	}

	/** Users bound to at least one of the given stores (what an admin may manage). */
	@Transactional(readOnly = true)
	public List<ConsoleUser> usersOf(Collection<UUID> storeIds) {
		if (storeIds.isEmpty()) {
			return List.of();
		}
		return many("""
				where u.id in (select user_id from console_user_stores where store_id in (:v))
				order by u.username""", storeIds);
	}

	/** The stores a user is bound to, read fresh (the console checks it per request). */
	@Transactional(readOnly = true)
	public Set<UUID> storeIds(UUID userId) {
		return new LinkedHashSet<>(
				this.jdbc.queryForList("select store_id from console_user_stores where user_id = :id order by store_id",
						new MapSqlParameterSource("id", userId), UUID.class));
	}

	@Transactional
	public void setEnabled(UUID userId, boolean enabled) {
		this.jdbc.update("update console_users set enabled = :e where id = :id",
				new MapSqlParameterSource("id", userId).addValue("e", enabled));
	}

	/**
	 * The problem with a new password, or null when it is acceptable
	 * ({@value #MIN_PASSWORD_LENGTH} to {@value #MAX_PASSWORD_LENGTH} characters).
	 */
	public static @Nullable String passwordProblem(String rawPassword) {
		if (rawPassword.length() < MIN_PASSWORD_LENGTH || rawPassword.length() > MAX_PASSWORD_LENGTH) {
			return "the password must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters";
		}
		return null;
	}

	/** Sets a new password (and clears a lockout). */
	@Transactional
	public void changePassword(UUID userId, String rawPassword) {
		if (rawPassword.isBlank()) {
			throw new IllegalArgumentException("password must not be blank");
		}
		this.jdbc.update(
				"update console_users set password_hash = :hash, failed_attempts = 0, locked_until = null where id = :id",
				new MapSqlParameterSource("id", userId).addValue("hash", this.encoder.encode(rawPassword)));
	}

	@Transactional
	public void unlock(UUID userId) {
		this.jdbc.update("update console_users set failed_attempts = 0, locked_until = null where id = :id",
				new MapSqlParameterSource("id", userId));
	}

	/**
	 * Counts a failed login; locks the account when the limit is reached. A lock that has
	 * expired starts a new count (one more failure does not lock again at once). While
	 * locked, failures are not counted (the lock is not prolonged).
	 */
	@Transactional
	public void loginFailed(String username) {
		Instant now = this.clock.instant();
		Instant lockUntil = now.plus(this.settings.lockout());
		this.jdbc.update("""
				update console_users set
				  failed_attempts = case when locked_until is not null and locked_until <= :now then 1
				                         else failed_attempts + 1 end,
				  locked_until = case when locked_until is not null and locked_until <= :now
				                        then (case when 1 >= :max then cast(:until as timestamptz) end)
				                      when failed_attempts + 1 >= :max then cast(:until as timestamptz)
				                      else locked_until end
				where username = :username and (locked_until is null or locked_until <= :now)""",
				new MapSqlParameterSource("username", normalize(username))
					.addValue("max", this.settings.maxFailedLogins())
					.addValue("now", Timestamp.from(now))
					.addValue("until", Timestamp.from(lockUntil)));
	}

	@Transactional
	public void loginSucceeded(String username) {
		this.jdbc.update("update console_users set failed_attempts = 0, locked_until = null where username = :u",
				new MapSqlParameterSource("u", normalize(username)));
	}

	/** The stored hash of an enabled user, for the login check only. */
	@Nullable String passwordHash(String username) {
		List<String> hashes = this.jdbc.queryForList("select password_hash from console_users where username = :u",
				new MapSqlParameterSource("u", normalize(username)), String.class);
		return hashes.isEmpty() ? null : hashes.get(0);
	}

	PasswordEncoder encoder() {
		return this.encoder;
	}

	Instant now() {
		return this.clock.instant();
	}

	private Optional<ConsoleUser> one(String where, Object value) {
		List<ConsoleUser> users = many(where, value);
		return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
	}

	private List<ConsoleUser> many(String where, Object value) {
		List<Row> rows = this.jdbc.query("""
				select u.id, u.username, u.display_name, u.role, u.enabled, u.failed_attempts, u.locked_until
				from console_users u
				""" + where, new MapSqlParameterSource("v", value), ConsoleUserManagement::row);
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, Set<UUID>> stores = new HashMap<>();
		this.jdbc.query("select user_id, store_id from console_user_stores where user_id in (:ids)",
				new MapSqlParameterSource("ids", rows.stream().map(Row::id).toList()), (rs) -> {
					stores.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new LinkedHashSet<>())
						.add(rs.getObject(2, UUID.class));
				});
		List<ConsoleUser> users = new ArrayList<>();
		for (Row r : rows) {
			users.add(new ConsoleUser(r.id(), r.username(), r.displayName(), r.role(), r.enabled(), r.failed(),
					r.lockedUntil(), Set.copyOf(stores.getOrDefault(r.id(), Set.of()))));
		}
		return users;
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new Row(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
				(locked != null) ? locked.toInstant() : null);
	}

	private static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private record Row(UUID id, String username, String displayName, Role role, boolean enabled, int failed,
			@Nullable Instant lockedUntil) {
	}

}
