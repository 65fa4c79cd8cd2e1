package dev.beacon.integrations.woocommerce;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.ConnectionView;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.integrations.PlatformHttp;
import dev.beacon.store.StorePrincipal;

/**
 * A store connects its WooCommerce site with REST API keys and a webhook secret of its
 * choosing; Beacon creates its webhooks and imports recent orders in the background.
 */
@RestController
@RequestMapping("/api/v1/integrations/woocommerce")
class WooConnectController {

	private final Connections connections;

	private final WooSync sync;

	private final PlatformHttp http;

	private final IntegrationsProperties properties;

	WooConnectController(Connections connections, WooSync sync, PlatformHttp http, IntegrationsProperties properties) {
		this.connections = connections;
		this.sync = sync;
		this.http = http;
		this.properties = properties;
	}

	/**
	 * @param keysInQuery send the keys as query parameters (servers that strip
	 * Authorization)
	 */
	record ConnectWoo(@Nullable String siteUrl, @Nullable String consumerKey, @Nullable String consumerSecret,
			@Nullable String webhookSecret, @Nullable Integer backfillDays, @Nullable Boolean keysInQuery,
			@Nullable Boolean confirmOrders) {
	}

	@PutMapping
	ConnectionView connect(@AuthenticationPrincipal StorePrincipal store, @RequestBody ConnectWoo body) {
		String site = siteUrl(body.siteUrl());
		String why = this.http.refusal(site);
		if (why != null) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, "siteUrl " + why);
		}
		WooClient.Keys keys = new WooClient.Keys(required(body.consumerKey(), "consumerKey"),
				required(body.consumerSecret(), "consumerSecret"), Boolean.TRUE.equals(body.keysInQuery()));
		String secret = required(body.webhookSecret(), "webhookSecret");
		int days = (body.backfillDays() != null) ? body.backfillDays() : this.properties.backfillDays();
		if (days < 0 || days > 365) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, "backfillDays must be 0 to 365");
		}
		Connection c = this.connections.connect(store.storeId(), Connection.WOOCOMMERCE, site, keys.stored(), secret,
				"custom", days, false, Boolean.TRUE.equals(body.confirmOrders()));
		this.sync.afterConnect(c);
		return ConnectionView.of(c);
	}

	@GetMapping
	ConnectionView get(@AuthenticationPrincipal StorePrincipal store) {
		return this.connections.find(store.storeId(), Connection.WOOCOMMERCE)
			.map(ConnectionView::of)
			.orElseThrow(() -> new IntegrationException(IntegrationException.Kind.NOT_FOUND,
					"no WooCommerce site is connected"));
	}

	@DeleteMapping
	ResponseEntity<Void> disconnect(@AuthenticationPrincipal StorePrincipal store) {
		if (!this.connections.disconnect(store.storeId(), Connection.WOOCOMMERCE)) {
			throw new IntegrationException(IntegrationException.Kind.NOT_FOUND, "no WooCommerce site is connected");
		}
		return ResponseEntity.noContent().build();
	}

	static String siteUrl(@Nullable String raw) {
		String url = required(raw, "siteUrl");
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		try {
			URI uri = URI.create(url);
			if (uri.getHost() == null || uri.getScheme() == null || uri.getRawQuery() != null
					|| uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new IllegalArgumentException();
			}
			return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
					+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new IntegrationException(IntegrationException.Kind.INVALID,
					"siteUrl must be the site's address, such as https://shop.example.com");
		}
	}

	static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank() || value.length() > 500) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, field + " is required");
		}
		return value.strip();
	}

}
