package dev.beacon.admin.console;

import java.util.UUID;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.admin.ConsolePage;
import dev.beacon.carriers.CarrierManagement;
import dev.beacon.integrations.IntegrationManagement;
import dev.beacon.admin.Role;
import dev.beacon.store.Brand;
import dev.beacon.store.InvalidStoreException;
import dev.beacon.store.IssuedKey;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN pages of stores: creating one, its brand settings, API keys and carrier
 * connections. An admin manages only the stores they are bound to; console users are
 * {@link AdminUsersController}'s.
 */
@Controller
class AdminController implements ConsolePage {

	private static final String HEX = "#[0-9a-fA-F]{6}";

	private final ConsoleAccess access;

	private final StoreManagement stores;

	private final CarrierManagement carriers;

	private final IntegrationManagement integrations;

	AdminController(ConsoleAccess access, StoreManagement stores, CarrierManagement carriers,
			IntegrationManagement integrations) {
		this.access = access;
		this.stores = stores;
		this.carriers = carriers;
		this.integrations = integrations;
	}

	@GetMapping("/console/admin/stores")
	String stores(Model model) {
		model.addAttribute("stores", this.access.stores());
		return "console/admin-stores";
	}

	/**
	 * Only an OPERATOR creates stores (also enforced by the console's security chain).
	 */
	@PostMapping("/console/admin/stores")
	String createStore(@RequestParam String name, @RequestParam(defaultValue = "") String slug,
			RedirectAttributes flash) {
		if (this.access.principal().role() != Role.OPERATOR) {
			throw new ConsoleNotFoundException("store creation");
		}
		try {
			ProvisionedStore created = this.stores
				.provision(new NewStore(name, slug.isBlank() ? null : slug.strip(), null, null));
			flash.addFlashAttribute("newKey", created.apiKey());
			return "redirect:/console/admin/stores/" + created.store().getId();
		}
		catch (InvalidStoreException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			return "redirect:/console/admin/stores";
		}
	}

	@GetMapping("/console/admin/stores/{storeId}")
	String store(@PathVariable UUID storeId, Model model) {
		Store store = this.access.requireStore(storeId);
		model.addAttribute("store", store);
		model.addAttribute("brand", store.getBrand());
		model.addAttribute("keys", this.stores.keys(storeId));
		model.addAttribute("carriers", this.carriers.status());
		model.addAttribute("carrierAccounts", this.carriers.accounts(storeId));
		model.addAttribute("manageAccounts", this.access.principal().role() == Role.ADMIN);
		// Installation-wide error text may name another store's tracking number: OPERATOR
		// only.
		model.addAttribute("carrierDetails", this.access.principal().role() == Role.OPERATOR);
		IntegrationsConsoleController.addTo(model, this.integrations, storeId);
		return "console/admin-store";
	}

	@PostMapping("/console/admin/stores/{storeId}/integrations/easypost")
	String connectEasyPost(@PathVariable UUID storeId, @RequestParam String secret, RedirectAttributes flash) {
		this.access.requireStore(storeId);
		return connect(storeId, flash, secret, () -> this.carriers.connectEasyPost(storeId, secret.strip()),
				"EasyPost");
	}

	private String connect(UUID storeId, RedirectAttributes flash, String secret,
			java.util.function.Supplier<String> action, String what) {
		if (secret.strip().length() < 8 || secret.strip().length() > 200) {
			flash.addFlashAttribute("error", "The signing secret must be 8 to 200 characters.");
			return "redirect:/console/admin/stores/" + storeId;
		}
		try {
			String path = action.get();
			flash.addFlashAttribute("flash", what + " connected. Send its webhooks to " + path + ".");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/admin/stores/" + storeId;
	}

	@PostMapping("/console/admin/stores/{storeId}/brand")
	String brand(@PathVariable UUID storeId, @RequestParam String name, @RequestParam(defaultValue = "") String logoUrl,
			@RequestParam String primaryColor, @RequestParam String accentColor,
			@RequestParam(defaultValue = "") String supportEmail, @RequestParam(defaultValue = "") String supportPhone,
			@RequestParam(defaultValue = "") String supportUrl, @RequestParam(defaultValue = "") String helpText,
			@RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "") String timeZone,
			@RequestParam(defaultValue = "90") int targetReliability, RedirectAttributes flash) {
		this.access.requireStore(storeId);
		String error = null;
		if (!primaryColor.matches(HEX) || !accentColor.matches(HEX)) {
			error = "Colours must look like #1d4ed8.";
		}
		else if (!blank(logoUrl) && !logoUrl.strip().matches("https://\\S{1,490}")) {
			error = "The logo must be an https:// address.";
		}
		else if (!blank(supportUrl) && !supportUrl.strip().matches("https?://\\S{1,490}")) {
			error = "The support page must be an http(s):// address.";
		}
		else if (!blank(supportEmail) && !supportEmail.strip().matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+")) {
			error = "The support email does not look right.";
		}
		else if (supportPhone.length() > 40 || helpText.length() > 2000) {
			error = "The phone number or help text is too long.";
		}
		if (error != null) {
			flash.addFlashAttribute("error", error);
			return "redirect:/console/admin/stores/" + storeId;
		}
		try {
			this.stores.updateBrand(
					storeId, name, new Brand(orNull(logoUrl), primaryColor, accentColor, orNull(supportEmail),
							orNull(supportPhone), orNull(supportUrl), orNull(helpText)),
					orNull(locale), orNull(timeZone), targetReliability);
			flash.addFlashAttribute("flash", "Saved.");
		}
		catch (InvalidStoreException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/admin/stores/" + storeId;
	}

	@PostMapping("/console/admin/stores/{storeId}/keys")
	String issueKey(@PathVariable UUID storeId, @RequestParam(defaultValue = "console") String label,
			RedirectAttributes flash) {
		this.access.requireStore(storeId);
		String l = label.strip();
		if (l.isEmpty() || l.length() > 80) {
			flash.addFlashAttribute("error", "The label must be 1 to 80 characters.");
			return "redirect:/console/admin/stores/" + storeId;
		}
		IssuedKey key = this.stores.issueKey(storeId, l);
		flash.addFlashAttribute("newKey", key.plaintext());
		return "redirect:/console/admin/stores/" + storeId;
	}

	@PostMapping("/console/admin/stores/{storeId}/keys/{keyId}/revoke")
	String revokeKey(@PathVariable UUID storeId, @PathVariable UUID keyId, RedirectAttributes flash) {
		this.access.requireStore(storeId);
		this.stores.revokeKey(storeId, keyId);
		flash.addFlashAttribute("flash", "Key revoked.");
		return "redirect:/console/admin/stores/" + storeId;
	}

	private static boolean blank(String s) {
		return s.isBlank();
	}

	private static @Nullable String orNull(String s) {
		return s.isBlank() ? null : s.strip();
	}

}
