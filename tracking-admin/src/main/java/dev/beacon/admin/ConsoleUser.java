package dev.beacon.admin;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A console user as the console shows it (never with the password hash). */
public record ConsoleUser(UUID id, String username, String displayName, Role role, boolean enabled, int failedAttempts,
		@Nullable Instant lockedUntil, Set<UUID> storeIds) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
