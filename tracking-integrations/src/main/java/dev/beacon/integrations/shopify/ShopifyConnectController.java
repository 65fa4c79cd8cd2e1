package dev.beacon.integrations.shopify;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.integrations.ConnectShopify;
import dev.beacon.integrations.Connection;
import dev.beacon.integrations.ConnectionView;
import dev.beacon.integrations.IntegrationManagement;
import dev.beacon.store.StorePrincipal;

/**
 * A store connects its Shopify shop with a custom app's credentials (the Admin API access
 * token, and the API secret that signs webhooks). Beacon then subscribes its webhooks and
 * imports recent orders in the background; GET shows the progress, never a secret.
 */
@RestController
@RequestMapping("/api/v1/integrations/shopify")
class ShopifyConnectController {

	private final IntegrationManagement integrations;

	ShopifyConnectController(IntegrationManagement integrations) {
		this.integrations = integrations;
	}

	record ShopifySettings(@Nullable Boolean writeBack, @Nullable Boolean confirmOrders) {
	}

	@PutMapping
	ConnectionView connect(@AuthenticationPrincipal StorePrincipal store, @RequestBody ConnectShopify body) {
		return this.integrations.connectShopify(store.storeId(), body);
	}

	@GetMapping
	ConnectionView get(@AuthenticationPrincipal StorePrincipal store) {
		return this.integrations.connection(store.storeId(), Connection.SHOPIFY)
			.filter(ConnectionView::active)
			.orElseThrow(() -> IntegrationManagement.notConnected(Connection.SHOPIFY));
	}

	@PatchMapping
	ConnectionView settings(@AuthenticationPrincipal StorePrincipal store, @RequestBody ShopifySettings body) {
		return this.integrations.settings(store.storeId(), Connection.SHOPIFY, body.writeBack(), body.confirmOrders());
	}

	@DeleteMapping
	ResponseEntity<Void> disconnect(@AuthenticationPrincipal StorePrincipal store) {
		if (!this.integrations.disconnect(store.storeId(), Connection.SHOPIFY)) {
			throw IntegrationManagement.notConnected(Connection.SHOPIFY);
		}
		return ResponseEntity.noContent().build();
	}

}
