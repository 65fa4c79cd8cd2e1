package dev.beacon.admin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking and which stores they may see. Every console query is scoped with
 * {@link #storeIds()} or checked with {@link #requireStore(UUID)}.
 */
@Component
public class ConsoleAccess {

	private final ConsoleUserManagement users;

	private final StoreManagement stores;

	ConsoleAccess(ConsoleUserManagement users, StoreManagement stores) {
		this.users = users;
		this.stores = stores;
	}

	public ConsolePrincipal principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ConsolePrincipal p) {
			return p;
		}
		throw new ConsoleNotFoundException("console user");
	}

	/**
	 * The stores of the current user, read fresh from the database (every store for an
	 * OPERATOR).
	 */
	public List<UUID> storeIds() {
		return List.copyOf(mine());
	}

	private Set<UUID> mine() {
		ConsolePrincipal p = principal();
		if (p.role() == Role.OPERATOR) {
			Set<UUID> all = new java.util.LinkedHashSet<>();
			this.stores.all().forEach((s) -> all.add(s.getId()));
			return all;
		}
		return this.users.storeIds(p.id());
	}

	public List<Store> stores() {
		return storeIds().stream()
			.map(this.stores::byId)
			.flatMap(Optional::stream)
			.sorted((a, b) -> a.getName().compareToIgnoreCase(b.getName()))
			.toList();
	}

	/** The store, when the current user is bound to it; 404 otherwise. */
	public Store requireStore(UUID storeId) {
		Set<UUID> mine = mine();
		if (!mine.contains(Objects.requireNonNull(storeId))) {
			throw new ConsoleNotFoundException("store");
		}
		return this.stores.byId(storeId).orElseThrow(() -> new ConsoleNotFoundException("store"));
	}

	/**
	 * The current user's store for a form's store choice; their first store when blank.
	 */
	public Store storeOrDefault(UUID storeId) {
		if (storeId != null) {
			return requireStore(storeId);
		}
		return stores().stream().findFirst().orElseThrow(() -> new ConsoleNotFoundException("store"));
	}

}
