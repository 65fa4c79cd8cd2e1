package dev.beacon.admin.console;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.admin.ConsolePage;
import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN pages of console users: list, create, unlock, enable and disable. An admin
 * manages only the users of the stores they are bound to; operators are managed by
 * operators only.
 */
@Controller
class AdminUsersController implements ConsolePage {

	private final ConsoleAccess access;

	private final ConsoleUserManagement users;

	AdminUsersController(ConsoleAccess access, ConsoleUserManagement users) {
		this.access = access;
		this.users = users;
	}

	@GetMapping("/console/admin/users")
	String users(Model model) {
		model.addAttribute("users", this.users.usersOf(this.access.storeIds()));
		model.addAttribute("stores", this.access.stores());
		model.addAttribute("roles", Role.values());
		return "console/admin-users";
	}

	@PostMapping("/console/admin/users")
	String createUser(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam String password, @RequestParam Role role,
			@RequestParam(name = "storeIds", required = false) @Nullable List<UUID> storeIds,
			RedirectAttributes flash) {
		Set<UUID> chosen = new HashSet<>((storeIds != null) ? storeIds : List.of());
		if (role == Role.OPERATOR) {
			if (this.access.principal().role() != Role.OPERATOR) {
				flash.addFlashAttribute("error", "Only an operator creates operators.");
				return "redirect:/console/admin/users";
			}
			chosen.clear();
		}
		else if (chosen.isEmpty()) {
			flash.addFlashAttribute("error", "Choose at least one store.");
			return "redirect:/console/admin/users";
		}
		chosen.forEach(this.access::requireStore);
		String weak = ConsoleUserManagement.passwordProblem(password);
		if (weak != null) {
			flash.addFlashAttribute("error", Character.toUpperCase(weak.charAt(0)) + weak.substring(1) + ".");
			return "redirect:/console/admin/users";
		}
		if (this.users.byUsername(username).isPresent()) {
			flash.addFlashAttribute("error", "That username is taken.");
			return "redirect:/console/admin/users";
		}
		try {
			this.users.createUser(username, displayName, password, role, chosen);
			flash.addFlashAttribute("flash", "User " + username + " created.");
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/admin/users";
	}

	@PostMapping("/console/admin/users/{userId}/unlock")
	String unlock(@PathVariable UUID userId, RedirectAttributes flash) {
		managed(userId);
		this.users.unlock(userId);
		flash.addFlashAttribute("flash", "Unlocked.");
		return "redirect:/console/admin/users";
	}

	@PostMapping("/console/admin/users/{userId}/enabled")
	String enable(@PathVariable UUID userId, @RequestParam boolean enabled, RedirectAttributes flash) {
		ConsoleUser user = managed(userId);
		if (user.id().equals(this.access.principal().id())) {
			flash.addFlashAttribute("error", "You cannot disable yourself.");
			return "redirect:/console/admin/users";
		}
		this.users.setEnabled(userId, enabled);
		flash.addFlashAttribute("flash", enabled ? "Enabled." : "Disabled.");
		return "redirect:/console/admin/users";
	}

	/**
	 * A user the current admin may act on: every one of the user's stores is one of the
	 * admin's (a user who also belongs to another store is out of reach). Operators are
	 * managed by operators only.
	 */
	private ConsoleUser managed(UUID userId) {
		List<UUID> mine = this.access.storeIds();
		ConsoleUser user = this.users.byId(userId).orElseThrow(() -> new ConsoleNotFoundException("user"));
		boolean operator = this.access.principal().role() == Role.OPERATOR;
		if ((user.role() == Role.OPERATOR && !operator) || !mine.containsAll(user.storeIds())) {
			throw new ConsoleNotFoundException("user");
		}
		return user;
	}

}
