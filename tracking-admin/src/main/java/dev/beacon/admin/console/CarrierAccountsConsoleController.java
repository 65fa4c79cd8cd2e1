package dev.beacon.admin.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.admin.ConsolePage;
import dev.beacon.admin.Role;
import dev.beacon.carriers.CarrierAccount;
import dev.beacon.carriers.CarrierAccountException;
import dev.beacon.carriers.CarrierManagement;
import dev.beacon.common.SecretsKeyMissingException;

/**
 * A store's own carrier accounts on its console page (forms posted with the console's
 * CSRF token): save, delete and "test connection", for an ADMIN of that store only
 * (anyone else gets the console's 404). Secrets are never shown back; test results are
 * the coarse category, never the carrier's text.
 */
@Controller
class CarrierAccountsConsoleController implements ConsolePage {

	private final ConsoleAccess access;

	private final CarrierManagement carriers;

	CarrierAccountsConsoleController(ConsoleAccess access, CarrierManagement carriers) {
		this.access = access;
		this.carriers = carriers;
	}

	@PostMapping("/console/admin/stores/{storeId}/carrier-accounts/{carrier}")
	String save(@PathVariable UUID storeId, @PathVariable String carrier, @RequestParam Map<String, String> form,
			RedirectAttributes flash) {
		storeAdmin(storeId);
		Map<String, String> fields = new LinkedHashMap<>();
		for (CarrierAccount account : this.carriers.accounts(storeId)) {
			if (account.carrier().equals(carrier)) {
				account.fields().forEach((f) -> {
					String v = form.get(f.name());
					if (v != null && !v.isBlank()) {
						fields.put(f.name(), v);
					}
				});
			}
		}
		try {
			CarrierAccount saved = this.carriers.saveAccount(storeId, carrier, fields);
			flash.addFlashAttribute("flash", saved.name() + " account saved. Test the connection to check it.");
		}
		catch (CarrierAccountException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		catch (SecretsKeyMissingException ex) {
			flash.addFlashAttribute("error", "Carrier accounts cannot be saved until the installation sets "
					+ ex.property() + " (ask your operator).");
		}
		return back(storeId);
	}

	@PostMapping("/console/admin/stores/{storeId}/carrier-accounts/{carrier}/delete")
	String delete(@PathVariable UUID storeId, @PathVariable String carrier, RedirectAttributes flash) {
		storeAdmin(storeId);
		try {
			flash.addFlashAttribute("flash", this.carriers.deleteAccount(storeId, carrier)
					? "Account deleted: the installation's own credentials apply again." : "No account was saved.");
		}
		catch (CarrierAccountException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return back(storeId);
	}

	@PostMapping("/console/admin/stores/{storeId}/carrier-accounts/{carrier}/test")
	String test(@PathVariable UUID storeId, @PathVariable String carrier, RedirectAttributes flash) {
		storeAdmin(storeId);
		try {
			CarrierAccount.TestResult r = this.carriers.testAccount(storeId, carrier);
			if (r.ok()) {
				flash.addFlashAttribute("flash", "Connection to " + carrier + " works.");
			}
			else {
				flash.addFlashAttribute("error", "Connection to " + carrier + " failed: " + r.result() + ".");
			}
		}
		catch (CarrierAccountException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return back(storeId);
	}

	/** The store, for an ADMIN bound to it; 404 for anyone else (operators included). */
	private void storeAdmin(UUID storeId) {
		this.access.requireStore(storeId);
		if (this.access.principal().role() != Role.ADMIN) {
			throw new ConsoleNotFoundException("store");
		}
	}

	private static String back(UUID storeId) {
		return "redirect:/console/admin/stores/" + storeId + "#carrier-accounts";
	}

}
