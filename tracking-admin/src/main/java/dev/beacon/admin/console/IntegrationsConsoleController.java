package dev.beacon.admin.console;

import java.util.List;
import java.util.UUID;

import dev.beacon.common.SecretsKeyMissingException;
import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.admin.ConsolePage;
import dev.beacon.integrations.ConnectShopify;
import dev.beacon.integrations.ConnectWooCommerce;
import dev.beacon.integrations.ConnectionView;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.IntegrationManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The store page's shop platforms (ADMIN of the store): connect a Shopify shop (custom
 * app, or the public app's install link when the operator configured it) or a WooCommerce
 * site through the integrations module's API, see each connection (never a secret), its
 * webhook subscription and its backfill progress (the section re-reads itself while work
 * is under way), and disconnect.
 */
@Controller
class IntegrationsConsoleController implements ConsolePage {

	private static final String NO_SECRETS_KEY = "Set beacon.secrets.key to store platform credentials encrypted.";

	private final ConsoleAccess access;

	private final IntegrationManagement integrations;

	IntegrationsConsoleController(ConsoleAccess access, IntegrationManagement integrations) {
		this.access = access;
		this.integrations = integrations;
	}

	/** The section alone, for the store page's refresh while work is under way. */
	@GetMapping("/console/admin/stores/{storeId}/integrations")
	String section(@PathVariable UUID storeId, Model model) {
		model.addAttribute("store", this.access.requireStore(storeId));
		addTo(model, this.integrations, storeId);
		return "console/integrations :: section";
	}

	@PostMapping("/console/admin/stores/{storeId}/integrations/shopify")
	String connectShopify(@PathVariable UUID storeId, @RequestParam String shopDomain, @RequestParam String accessToken,
			@RequestParam String apiSecret, @RequestParam(required = false) @Nullable Integer backfillDays,
			RedirectAttributes flash) {
		this.access.requireStore(storeId);
		try {
			ConnectionView c = this.integrations.connectShopify(storeId,
					new ConnectShopify(shopDomain, accessToken, apiSecret, backfillDays, null, null));
			flash.addFlashAttribute("flash", "Shopify shop " + c.account()
					+ " connected. Beacon is subscribing its webhooks and importing recent orders.");
		}
		catch (IntegrationException ex) {
			flash.addFlashAttribute("error", sentence(ex));
		}
		catch (SecretsKeyMissingException ex) {
			flash.addFlashAttribute("error", NO_SECRETS_KEY);
		}
		return back(storeId);
	}

	@PostMapping("/console/admin/stores/{storeId}/integrations/shopify/install-link")
	String installLink(@PathVariable UUID storeId, @RequestParam String shopDomain, RedirectAttributes flash) {
		this.access.requireStore(storeId);
		try {
			flash.addFlashAttribute("installUrl", this.integrations.shopifyInstallLink(storeId, shopDomain));
		}
		catch (IntegrationException ex) {
			flash.addFlashAttribute("error", sentence(ex));
		}
		return back(storeId);
	}

	@PostMapping("/console/admin/stores/{storeId}/integrations/woocommerce")
	String connectWooCommerce(@PathVariable UUID storeId, @RequestParam String siteUrl,
			@RequestParam String consumerKey, @RequestParam String consumerSecret, @RequestParam String webhookSecret,
			@RequestParam(required = false) @Nullable Integer backfillDays, RedirectAttributes flash) {
		this.access.requireStore(storeId);
		try {
			ConnectionView c = this.integrations.connectWooCommerce(storeId, new ConnectWooCommerce(siteUrl,
					consumerKey, consumerSecret, webhookSecret, backfillDays, null, null));
			flash.addFlashAttribute("flash", "WooCommerce site " + c.account()
					+ " connected. Beacon is creating its webhooks and importing recent orders.");
		}
		catch (IntegrationException ex) {
			flash.addFlashAttribute("error", sentence(ex));
		}
		catch (SecretsKeyMissingException ex) {
			flash.addFlashAttribute("error", NO_SECRETS_KEY);
		}
		return back(storeId);
	}

	@PostMapping("/console/admin/stores/{storeId}/integrations/{platform}/disconnect")
	String disconnect(@PathVariable UUID storeId, @PathVariable String platform, RedirectAttributes flash) {
		this.access.requireStore(storeId);
		if (!List.of("shopify", "woocommerce").contains(platform)) {
			throw new ConsoleNotFoundException("platform");
		}
		boolean done = this.integrations.disconnect(storeId, platform);
		flash.addFlashAttribute(done ? "flash" : "error",
				done ? "Disconnected; its credentials are deleted." : "Nothing was connected.");
		return back(storeId);
	}

	/** The section's model: the store's connections and whether it is still working. */
	static void addTo(Model model, IntegrationManagement integrations, UUID storeId) {
		List<ConnectionView> connections = integrations.connections(storeId);
		model.addAttribute("platforms", connections);
		model.addAttribute("shopifyPublicApp", integrations.shopifyPublicApp());
		model.addAttribute("platformsBusy", connections.stream().anyMatch(IntegrationsConsoleController::busy));
	}

	static boolean busy(ConnectionView c) {
		return c.active() && (List.of("pending", "running").contains(c.backfill().status())
				|| "pending".equals(c.webhooks().status()));
	}

	private static String sentence(IntegrationException ex) {
		String m = (ex.getMessage() != null) ? ex.getMessage() : "The connection failed";
		return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
	}

	private static String back(UUID storeId) {
		return "redirect:/console/admin/stores/" + storeId + "#integrations";
	}

}
