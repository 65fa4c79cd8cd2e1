package dev.beacon.integrations.shopify;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.integrations.IntegrationManagement;
import dev.beacon.store.StorePrincipal;

/**
 * Public-app installs: a store asks for its install link (API or console), the merchant
 * approves in Shopify, Shopify redirects to the callback with a signed code, Beacon
 * exchanges it and stores the token encrypted. Shopify opening the app URL (signed
 * {@code shop}) continues a pending install for that shop.
 */
@RestController
class ShopifyOAuthController {

	private final ShopifyOAuth oauth;

	private final IntegrationManagement integrations;

	ShopifyOAuthController(ShopifyOAuth oauth, IntegrationManagement integrations) {
		this.oauth = oauth;
		this.integrations = integrations;
	}

	record InstallRequest(@Nullable String shopDomain) {
	}

	record InstallLink(String installUrl) {
	}

	@PostMapping("/api/v1/integrations/shopify/install-link")
	InstallLink installLink(@AuthenticationPrincipal StorePrincipal store, @RequestBody InstallRequest body) {
		return new InstallLink(this.integrations.shopifyInstallLink(store.storeId(), body.shopDomain()));
	}

	@GetMapping("/integrations/shopify/install")
	ResponseEntity<String> install(@RequestParam Map<String, String> query) {
		String shop = query.getOrDefault("shop", "").toLowerCase(Locale.ROOT);
		if (!IntegrationManagement.SHOP_DOMAIN.matcher(shop).matches() || !this.oauth.verified(query)) {
			return text(HttpStatus.UNAUTHORIZED, "This install request is not signed by Shopify.");
		}
		Optional<String> state = this.oauth.pendingState(shop);
		if (state.isEmpty()) {
			return text(HttpStatus.BAD_REQUEST,
					"Start the install from Beacon: ask your store's install link (console or API), then open it.");
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create(this.oauth.authorizeUrl(shop, state.get())))
			.build();
	}

	@GetMapping("/integrations/shopify/callback")
	ResponseEntity<String> callback(@RequestParam Map<String, String> query) {
		String shop = query.getOrDefault("shop", "").toLowerCase(Locale.ROOT);
		String code = query.get("code");
		String state = query.get("state");
		if (!IntegrationManagement.SHOP_DOMAIN.matcher(shop).matches() || code == null || state == null
				|| !this.oauth.verified(query)) {
			return text(HttpStatus.UNAUTHORIZED, "This callback is not signed by Shopify.");
		}
		Optional<ShopifyOAuth.Pending> pending = this.oauth.consume(state, shop);
		if (pending.isEmpty()) {
			return text(HttpStatus.BAD_REQUEST, "This install link has expired or was used: ask for a new one.");
		}
		this.integrations.completeShopifyInstall(pending.get().storeId(), shop, code);
		return text(HttpStatus.OK,
				"Connected " + shop + " to Beacon. Orders are being imported; you can close this page.");
	}

	private static ResponseEntity<String> text(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
	}

}
