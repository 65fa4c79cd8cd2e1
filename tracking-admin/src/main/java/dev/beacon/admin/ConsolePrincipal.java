package dev.beacon.admin;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in console user. The stores a user may see are not kept here: the console
 * reads them fresh on every request, so removing a binding takes effect at once.
 */
public final class ConsolePrincipal implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	public ConsolePrincipal(UUID id, String username, String displayName, Role role) {
		this(id, username, displayName, role, "", true, false);
	}

	ConsolePrincipal(UUID id, String username, String displayName, Role role, String passwordHash, boolean enabled,
			boolean locked) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	public static ConsolePrincipal of(ConsoleUser user) {
		return new ConsolePrincipal(user.id(), user.username(), user.displayName(), user.role());
	}

	public UUID id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	/** True when the user has one of the roles; an OPERATOR counts as an ADMIN. */
	public boolean is(Role... roles) {
		for (Role r : roles) {
			if (r == this.role || (r == Role.ADMIN && this.role == Role.OPERATOR)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public boolean equals(Object o) {
		return (o instanceof ConsolePrincipal other) && other.id.equals(this.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "ConsolePrincipal[" + this.username + ", " + this.role + "]";
	}

}
