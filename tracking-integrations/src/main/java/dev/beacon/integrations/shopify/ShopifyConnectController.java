package dev.beacon.integrations.shopify;

import java.util.Locale;
import java.util.regex.Pattern;

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

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.ConnectionView;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.store.StorePrincipal;

/**
 * A store connects its Shopify shop with a custom app's credentials (the Admin API access
 * token, and the API secret that signs webhooks). Beacon then subscribes its webhooks and
 * imports recent orders in the background; GET shows the progress, never a secret.
 */
@RestController
@RequestMapping("/api/v1/integrations/shopify")
class ShopifyConnectController {

	static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

	private final Connections connections;

	private final ShopifySync sync;

	private final IntegrationsProperties properties;

	ShopifyConnectController(Connections connections, ShopifySync sync, IntegrationsProperties properties) {
		this.connections = connections;
		this.sync = sync;
		this.properties = properties;
	}

	/**
	 * @param backfillDays days of orders to import (default
	 * {@code beacon.integrations.backfill-days})
	 * @param writeBack send Beacon's milestones back to Shopify as fulfillment events
	 * @param confirmOrders send Beacon's order confirmation for Shopify orders too
	 */
	record ConnectShopify(@Nullable String shopDomain, @Nullable String accessToken, @Nullable String apiSecret,
			@Nullable Integer backfillDays, @Nullable Boolean writeBack, @Nullable Boolean confirmOrders) {
	}

	record ShopifySettings(@Nullable Boolean writeBack, @Nullable Boolean confirmOrders) {
	}

	@PutMapping
	ConnectionView connect(@AuthenticationPrincipal StorePrincipal store, @RequestBody ConnectShopify body) {
		String shop = shopDomain(body.shopDomain());
		String token = required(body.accessToken(), "accessToken");
		String secret = required(body.apiSecret(), "apiSecret");
		int days = backfillDays(body.backfillDays(), this.properties.backfillDays());
		Connection c = this.connections.connect(store.storeId(), Connection.SHOPIFY, shop, token, secret, "custom",
				days, Boolean.TRUE.equals(body.writeBack()), Boolean.TRUE.equals(body.confirmOrders()));
		this.sync.afterConnect(c);
		return ConnectionView.of(c);
	}

	@GetMapping
	ConnectionView get(@AuthenticationPrincipal StorePrincipal store) {
		return ConnectionView.of(current(store));
	}

	@PatchMapping
	ConnectionView settings(@AuthenticationPrincipal StorePrincipal store, @RequestBody ShopifySettings body) {
		Connection c = current(store);
		this.connections.settings(c.id(), (body.writeBack() != null) ? body.writeBack() : c.writeBack(),
				(body.confirmOrders() != null) ? body.confirmOrders() : c.confirmOrders());
		return ConnectionView.of(current(store));
	}

	@DeleteMapping
	ResponseEntity<Void> disconnect(@AuthenticationPrincipal StorePrincipal store) {
		if (!this.connections.disconnect(store.storeId(), Connection.SHOPIFY)) {
			throw notConnected();
		}
		return ResponseEntity.noContent().build();
	}

	private Connection current(StorePrincipal store) {
		return this.connections.find(store.storeId(), Connection.SHOPIFY)
			.filter(Connection::active)
			.orElseThrow(ShopifyConnectController::notConnected);
	}

	static IntegrationException notConnected() {
		return new IntegrationException(IntegrationException.Kind.NOT_FOUND, "no Shopify shop is connected");
	}

	static String shopDomain(@Nullable String raw) {
		String shop = required(raw, "shopDomain").toLowerCase(Locale.ROOT);
		if (shop.startsWith("https://")) {
			shop = shop.substring(8);
		}
		if (shop.endsWith("/")) {
			shop = shop.substring(0, shop.length() - 1);
		}
		if (!SHOP.matcher(shop).matches()) {
			throw new IntegrationException(IntegrationException.Kind.INVALID,
					"shopDomain must be the shop's myshopify domain, such as acme.myshopify.com");
		}
		return shop;
	}

	static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank() || value.length() > 500) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, field + " is required");
		}
		return value.strip();
	}

	static int backfillDays(@Nullable Integer requested, int fallback) {
		int days = (requested != null) ? requested : fallback;
		if (days < 0 || days > 365) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, "backfillDays must be 0 to 365");
		}
		return days;
	}

}
