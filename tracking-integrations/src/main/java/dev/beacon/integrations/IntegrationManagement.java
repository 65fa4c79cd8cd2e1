package dev.beacon.integrations;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The integrations module's API, for its REST controllers and the console: connect a
 * store's Shopify shop or WooCommerce site (validated; the credentials checked with the
 * platform before they claim the account; stored encrypted; then webhooks and backfill in
 * the background; the same connect twice is one), complete a public-app install, show a
 * connection (never a secret), change its switches, disconnect, and the public app's
 * install links. Refusals are {@link IntegrationException}s whose message can be shown as
 * it is.
 */
@Service
public class IntegrationManagement {

	/** A shop's myshopify domain (its name a DNS label: at most 63 characters). */
	public static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.myshopify\\.com");

	/** The longest account (shop domain, site URL) a connection keeps. */
	static final int MAX_ACCOUNT = 255;

	private final Connections connections;

	private final PlatformSync sync;

	private final PlatformHttp http;

	private final IntegrationsProperties properties;

	private final ShopifyInstalls installs;

	IntegrationManagement(Connections connections, PlatformSync sync, PlatformHttp http,
			IntegrationsProperties properties, ShopifyInstalls installs) {
		this.connections = connections;
		this.sync = sync;
		this.http = http;
		this.properties = properties;
		this.installs = installs;
	}

	public ConnectionView connectShopify(UUID storeId, ConnectShopify body) {
		String shop = shopDomain(body.shopDomain());
		String token = required(body.accessToken(), "accessToken");
		Connections.Terms terms = new Connections.Terms(required(body.apiSecret(), "apiSecret"), "custom",
				backfillDays(body.backfillDays()), Boolean.TRUE.equals(body.writeBack()),
				Boolean.TRUE.equals(body.confirmOrders()));
		return connect(storeId, Connection.SHOPIFY, shop, token, terms);
	}

	public ConnectionView connectWooCommerce(UUID storeId, ConnectWooCommerce body) {
		String site = siteUrl(body.siteUrl());
		String why = this.http.refusal(site);
		if (why != null) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, "siteUrl " + why);
		}
		WooCommerceKeys keys = new WooCommerceKeys(required(body.consumerKey(), "consumerKey"),
				required(body.consumerSecret(), "consumerSecret"), Boolean.TRUE.equals(body.keysInQuery()));
		Connections.Terms terms = new Connections.Terms(required(body.webhookSecret(), "webhookSecret"), "custom",
				backfillDays(body.backfillDays()), false, Boolean.TRUE.equals(body.confirmOrders()));
		return connect(storeId, Connection.WOOCOMMERCE, site, keys.stored(), terms);
	}

	/**
	 * Completes a public-app install: the code of a callback Shopify signed (its state
	 * consumed, bound to this store and shop) is exchanged for the shop's token, which
	 * claims the shop; then webhooks and backfill as after any connect.
	 */
	public ConnectionView completeShopifyInstall(UUID storeId, String shop, String code) {
		this.connections.requireKey();
		// refused (409) when the public app is not configured
		String token = this.installs.exchange(shop, code);
		String clientSecret = Objects.requireNonNull(this.properties.shopify().clientSecret());
		int days = this.connections.find(storeId, Connection.SHOPIFY)
			.map(Connection::backfillDays)
			.orElse(this.properties.backfillDays());
		return claim(storeId, VerifiedAccount.installed(shop, token),
				new Connections.Terms(clientSecret, "oauth", days, false, false));
	}

	/**
	 * A connect with credentials the merchant pasted: the same connect again (a double
	 * submit) answers the connection as it is; an account another store holds (verified,
	 * active) is refused at once; otherwise the platform must accept the credentials
	 * ({@code 422} when it does not, {@code 502} when it does not answer) before anything
	 * is stored.
	 */
	private ConnectionView connect(UUID storeId, String platform, String account, String token,
			Connections.Terms terms) {
		this.connections.requireKey();
		Optional<Connection> same = this.connections.unchanged(storeId, platform, account, token, terms);
		if (same.isPresent()) {
			return ConnectionView.of(same.get());
		}
		if (this.connections.claimedByAnother(storeId, platform, account)) {
			throw Connections.taken(platform);
		}
		return claim(storeId, this.sync.verify(platform, account, token), terms);
	}

	private ConnectionView claim(UUID storeId, VerifiedAccount verified, Connections.Terms terms) {
		Connections.Claim claim = this.connections.connect(storeId, verified, terms);
		if (claim.fresh()) {
			this.sync.afterConnect(claim.connection());
		}
		return ConnectionView.of(claim.connection());
	}

	/** The store's connection to a platform (active or not), never a secret. */
	public Optional<ConnectionView> connection(UUID storeId, String platform) {
		return this.connections.find(storeId, platform).map(ConnectionView::of);
	}

	/** The store's connections, Shopify first. */
	public List<ConnectionView> connections(UUID storeId) {
		return List.of(Connection.SHOPIFY, Connection.WOOCOMMERCE)
			.stream()
			.flatMap((p) -> connection(storeId, p).stream())
			.toList();
	}

	/** Changes the switches of an active connection; a null leaves one as it is. */
	public ConnectionView settings(UUID storeId, String platform, @Nullable Boolean writeBack,
			@Nullable Boolean confirmOrders) {
		Connection c = this.connections.find(storeId, platform)
			.filter(Connection::active)
			.orElseThrow(() -> notConnected(platform));
		this.connections.settings(c.id(), (writeBack != null) ? writeBack : c.writeBack(),
				(confirmOrders != null) ? confirmOrders : c.confirmOrders());
		return connection(storeId, platform).orElseThrow(() -> notConnected(platform));
	}

	/** Disconnects: the credentials are deleted. False when nothing was connected. */
	public boolean disconnect(UUID storeId, String platform) {
		return this.connections.disconnect(storeId, platform);
	}

	/** Whether the Shopify public app is configured (install links can be issued). */
	public boolean shopifyPublicApp() {
		return this.installs.available();
	}

	/**
	 * A single-use install link for the public app, bound to this store and shop (valid
	 * one hour). A shop connected to another store is refused without naming it.
	 */
	public String shopifyInstallLink(UUID storeId, @Nullable String shopDomain) {
		String shop = shopDomain(shopDomain);
		if (!this.installs.available()) {
			throw new IntegrationException(IntegrationException.Kind.CONFLICT,
					"the public app is not configured: set beacon.integrations.shopify.client-id and .client-secret");
		}
		this.connections.requireKey();
		if (this.connections.claimedByAnother(storeId, Connection.SHOPIFY, shop)) {
			throw Connections.taken(Connection.SHOPIFY);
		}
		return this.installs.installUrl(storeId, shop);
	}

	/** The default days of orders a connection imports. */
	public int defaultBackfillDays() {
		return this.properties.backfillDays();
	}

	public static IntegrationException notConnected(String platform) {
		return new IntegrationException(IntegrationException.Kind.NOT_FOUND, Connection.SHOPIFY.equals(platform)
				? "no Shopify shop is connected" : "no WooCommerce site is connected");
	}

	/** A shop domain as Beacon keeps it, or 400. */
	public static String shopDomain(@Nullable String raw) {
		String shop = required(raw, "shopDomain").toLowerCase(Locale.ROOT);
		if (shop.startsWith("https://")) {
			shop = shop.substring(8);
		}
		if (shop.endsWith("/")) {
			shop = shop.substring(0, shop.length() - 1);
		}
		if (!SHOP_DOMAIN.matcher(shop).matches()) {
			throw new IntegrationException(IntegrationException.Kind.INVALID,
					"shopDomain must be the shop's myshopify domain, such as acme.myshopify.com");
		}
		return shop;
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
			String site = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
					+ uri.getRawAuthority().toLowerCase(Locale.ROOT)
					+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
			if (site.length() > MAX_ACCOUNT) {
				throw new IntegrationException(IntegrationException.Kind.INVALID,
						"siteUrl must be at most " + MAX_ACCOUNT + " characters");
			}
			return site;
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

	private int backfillDays(@Nullable Integer requested) {
		int days = (requested != null) ? requested : this.properties.backfillDays();
		if (days < 0 || days > 365) {
			throw new IntegrationException(IntegrationException.Kind.INVALID, "backfillDays must be 0 to 365");
		}
		return days;
	}

}
