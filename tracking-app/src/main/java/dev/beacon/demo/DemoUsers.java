package dev.beacon.demo;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.store.Store;

/** The demo's console users: one per role, bound to the demo store. */
class DemoUsers {

	private final ConsoleUserManagement users;

	private final DemoSettings settings;

	private final SecureRandom random = new SecureRandom();

	DemoUsers(ConsoleUserManagement users, DemoSettings settings) {
		this.users = users;
		this.settings = settings;
	}

	/**
	 * Console users agent, ops, admin and operator with the configured (or a random,
	 * printed) password. Users that already exist keep their password.
	 */
	String consoleUsers(Store s) {
		String configured = this.settings.password();
		String password;
		if (configured != null && !configured.isBlank()) {
			password = configured;
		}
		else {
			StringBuilder sb = new StringBuilder();
			String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
			for (int i = 0; i < 14; i++) {
				sb.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
			}
			password = sb.toString();
		}
		boolean created = false;
		for (Role role : Role.values()) {
			created |= ensureUser(role.name().toLowerCase(Locale.ROOT), role, password, s.getId());
		}
		return created ? password : "unchanged since the first start";
	}

	/**
	 * Creates the user with {@code password} and answers true; an existing user is only
	 * bound to the demo store (its password is never changed).
	 */
	boolean ensureUser(String username, Role role, String password, java.util.UUID storeId) {
		// an OPERATOR works on every store and is bound to none
		Set<java.util.UUID> stores = (role == Role.OPERATOR) ? Set.of() : Set.of(storeId);
		Optional<ConsoleUser> existing = this.users.byUsername(username);
		if (existing.isPresent()) {
			if (!stores.isEmpty()) {
				this.users.bind(existing.get().id(), stores);
			}
			return false;
		}
		this.users.createUser(username, "Demo " + username, password, role, stores);
		return true;
	}

}
