package dev.beacon.integrations.woocommerce;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.integrations.ConnectWooCommerce;
import dev.beacon.integrations.Connection;
import dev.beacon.integrations.ConnectionView;
import dev.beacon.integrations.IntegrationManagement;
import dev.beacon.store.StorePrincipal;

/**
 * A store connects its WooCommerce site with REST API keys and a webhook secret of its
 * choosing; Beacon creates its webhooks and imports recent orders in the background.
 */
@RestController
@RequestMapping("/api/v1/integrations/woocommerce")
class WooConnectController {

	private final IntegrationManagement integrations;

	WooConnectController(IntegrationManagement integrations) {
		this.integrations = integrations;
	}

	@PutMapping
	ConnectionView connect(@AuthenticationPrincipal StorePrincipal store, @RequestBody ConnectWooCommerce body) {
		return this.integrations.connectWooCommerce(store.storeId(), body);
	}

	@GetMapping
	ConnectionView get(@AuthenticationPrincipal StorePrincipal store) {
		return this.integrations.connection(store.storeId(), Connection.WOOCOMMERCE)
			.orElseThrow(() -> IntegrationManagement.notConnected(Connection.WOOCOMMERCE));
	}

	@DeleteMapping
	ResponseEntity<Void> disconnect(@AuthenticationPrincipal StorePrincipal store) {
		if (!this.integrations.disconnect(store.storeId(), Connection.WOOCOMMERCE)) {
			throw IntegrationManagement.notConnected(Connection.WOOCOMMERCE);
		}
		return ResponseEntity.noContent().build();
	}

}
