package dev.beacon.integrations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import dev.beacon.common.Hmac;

/**
 * Signs OAuth query parameters as Shopify does: drop {@code hmac}, sort the rest,
 * {@code key=value} joined by {@code &}, hex HMAC-SHA256 with the client secret. Written
 * from Shopify's description, independently of the production code.
 */
final class ShopifyTestSigning {

	private ShopifyTestSigning() {
	}

	static String queryHmac(String secret, Map<String, String> query) {
		TreeMap<String, String> sorted = new TreeMap<>(query);
		sorted.remove("hmac");
		StringBuilder message = new StringBuilder();
		sorted.forEach((k, v) -> message.append(message.isEmpty() ? "" : "&")
			.append(k)
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
		return Hmac.signHex(secret, message.toString());
	}

}
