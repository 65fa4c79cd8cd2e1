package dev.beacon.integrations;

/**
 * A WooCommerce site's REST API keys as stored (encrypted) in a connection's token:
 * {@code key\nsecret\nbasic|query}.
 *
 * @param inQuery send the keys as query parameters instead of HTTP Basic
 */
public record WooCommerceKeys(String consumerKey, String consumerSecret, boolean inQuery) {

	public static WooCommerceKeys of(String stored) {
		String[] parts = stored.split("\n", 3);
		return new WooCommerceKeys(parts[0], (parts.length > 1) ? parts[1] : "",
				parts.length > 2 && "query".equals(parts[2]));
	}

	public String stored() {
		return this.consumerKey + "\n" + this.consumerSecret + "\n" + (this.inQuery ? "query" : "basic");
	}

}
