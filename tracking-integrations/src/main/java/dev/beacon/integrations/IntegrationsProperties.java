package dev.beacon.integrations;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Store platform settings.
 *
 * @param backfillDays how many days of orders a new connection imports (default 60)
 * @param shopify Shopify settings
 * @param woocommerce WooCommerce settings
 */
@ConfigurationProperties("beacon.integrations")
public record IntegrationsProperties(@DefaultValue("60") int backfillDays, @DefaultValue Shopify shopify,
		@DefaultValue Woocommerce woocommerce) {

	/**
	 * @param baseUrl where a shop's Admin API is reached; {@code {shop}} is replaced by
	 * the shop domain, a value without it is used as it is (tests point it at a stub)
	 * @param apiVersion the Admin API version Beacon speaks
	 * @param clientId the public app's client id (public-app installs only)
	 * @param clientSecret the public app's client secret (signs OAuth and its webhooks)
	 * @param scopes the scopes the public app asks for
	 */
	public record Shopify(@DefaultValue("https://{shop}") String baseUrl, @DefaultValue("2025-07") String apiVersion,
			@Nullable String clientId, @Nullable String clientSecret, @DefaultValue( {
					"read_orders", "read_fulfillments", "read_customers" }) List<String> scopes){

		/** The shop's base URL. */
		public String base(String shop) {
			String url = this.baseUrl.contains("{shop}") ? this.baseUrl.replace("{shop}", shop) : this.baseUrl;
			return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		}

		public boolean publicApp() {
			return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
					&& !this.clientSecret.isBlank();
		}

	}

	/**
	 * @param trackingMetaKey the order meta key holding Shipment Tracking items
	 */
	public record Woocommerce(@DefaultValue("_wc_shipment_tracking_items") String trackingMetaKey) {
	}

}
