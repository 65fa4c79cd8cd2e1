package dev.beacon.integrations.woocommerce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.PlatformHttp;
import dev.beacon.integrations.WooCommerceKeys;

/**
 * WooCommerce's REST API v3 on the store's site: HTTP Basic with the consumer key and
 * secret (or the keys as query parameters when the server strips Authorization); a 429 or
 * 503 waits {@code Retry-After}. A 4xx other than 429, a 404 and an answer that is not
 * JSON are {@code REFUSED} (the site refused the keys, or is not a WooCommerce site);
 * anything else that fails is {@code PLATFORM}.
 */
@Component
class WooClient {

	static final int MAX_TRIES = 5;

	/** One answer: the body and the page count. */
	record Page(JsonNode body, int totalPages) {
	}

	/** The site answered 404: {@code code} is WooCommerce's error code (or empty). */
	static final class Missing extends IntegrationException {

		private final String code;

		Missing(String code, String message) {
			super(IntegrationException.Kind.REFUSED, message);
			this.code = code;
		}

		/** {@code rest_no_route}: the route does not exist on this site (feature off). */
		boolean noRoute() {
			return "rest_no_route".equals(this.code);
		}

	}

	private final PlatformHttp http;

	private final JsonMapper json;

	WooClient(PlatformHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	Page get(String site, WooCommerceKeys keys, String path, Map<String, String> query) {
		return call(site, keys, "GET", path, query, null, MAX_TRIES);
	}

	JsonNode post(String site, WooCommerceKeys keys, String path, Object body) {
		return call(site, keys, "POST", path, Map.of(), body, MAX_TRIES).body();
	}

	/**
	 * Proves the keys open the site's REST API: one {@code GET /orders?per_page=1} (the
	 * permission Beacon needs most), no retry. {@code REFUSED} when the site refused them
	 * or answered as no WooCommerce site would (404, not a list), {@code PLATFORM} when
	 * it did not answer (network, 429, 5xx).
	 */
	void verify(String site, WooCommerceKeys keys) {
		Page page;
		try {
			page = call(site, keys, "GET", "/orders", Map.of("per_page", "1"), null, 1);
		}
		catch (IntegrationException ex) {
			if (ex.kind() == IntegrationException.Kind.REFUSED) {
				throw new IntegrationException(IntegrationException.Kind.REFUSED,
						"the keys were not accepted at this siteUrl: " + ex.getMessage());
			}
			throw ex;
		}
		if (!page.body().isArray()) {
			throw new IntegrationException(IntegrationException.Kind.REFUSED,
					"the keys were not accepted at this siteUrl: it did not answer WooCommerce's list of orders");
		}
	}

	private Page call(String site, WooCommerceKeys keys, String method, String path, Map<String, String> query,
			@Nullable Object body, int tries) {
		StringBuilder url = new StringBuilder(site).append("/wp-json/wc/v3").append(path);
		char sep = '?';
		for (Map.Entry<String, String> e : query.entrySet()) {
			url.append(sep)
				.append(e.getKey())
				.append('=')
				.append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
			sep = '&';
		}
		if (keys.inQuery()) {
			url.append(sep)
				.append("consumer_key=")
				.append(URLEncoder.encode(keys.consumerKey(), StandardCharsets.UTF_8))
				.append("&consumer_secret=")
				.append(URLEncoder.encode(keys.consumerSecret(), StandardCharsets.UTF_8));
		}
		this.http.check(site);
		for (int attempt = 1;; attempt++) {
			ResponseEntity<String> response;
			try {
				RestClient.RequestBodySpec spec = this.http.client()
					.method(org.springframework.http.HttpMethod.valueOf(method))
					.uri(java.net.URI.create(url.toString()))
					.accept(MediaType.APPLICATION_JSON);
				if (!keys.inQuery()) {
					spec = spec.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
						.encodeToString(
								(keys.consumerKey() + ":" + keys.consumerSecret()).getBytes(StandardCharsets.UTF_8)));
				}
				if (body != null) {
					spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
				}
				response = spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {
				}).toEntity(String.class);
			}
			catch (RestClientException ex) {
				throw new IntegrationException(IntegrationException.Kind.PLATFORM,
						"the WooCommerce site did not answer: " + ex.getMostSpecificCause().getMessage());
			}
			int status = response.getStatusCode().value();
			if ((status == 429 || status == 503) && attempt < tries) {
				sleep(retryAfter(response.getHeaders().getFirst("Retry-After")));
				continue;
			}
			if (status >= 300) {
				String code = "";
				try {
					code = this.json.readTree(response.getBody()).path("code").asString("");
				}
				catch (RuntimeException ex) {
					// not JSON
				}
				String message = "the WooCommerce site answered HTTP " + status
						+ (code.isEmpty() ? "" : " (" + code + ")");
				if (status == 404) {
					throw new Missing(code, message);
				}
				// a client error other than throttling: the site refused the request
				throw new IntegrationException((status >= 400 && status < 500 && status != 429)
						? IntegrationException.Kind.REFUSED : IntegrationException.Kind.PLATFORM, message);
			}
			int pages = 1;
			String total = response.getHeaders().getFirst("X-WP-TotalPages");
			if (total != null) {
				try {
					pages = Integer.parseInt(total.strip());
				}
				catch (NumberFormatException ex) {
					pages = 1;
				}
			}
			try {
				return new Page(this.json.readTree((response.getBody() != null) ? response.getBody() : "null"), pages);
			}
			catch (RuntimeException ex) {
				// a web page (wrong address, maintenance or security page): a platform
				// failure the connection shows, not a job that never ends
				throw new IntegrationException(IntegrationException.Kind.REFUSED,
						"the WooCommerce site did not answer JSON (HTTP " + status + "): is the site address right?");
			}
		}
	}

	static Duration retryAfter(@Nullable String header) {
		if (header != null) {
			try {
				return Duration.ofSeconds(Math.min(30, Math.max(0, Long.parseLong(header.strip()))));
			}
			catch (NumberFormatException ex) {
				// an HTTP date: the default
			}
		}
		return Duration.ofSeconds(2);
	}

	private static void sleep(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IntegrationException(IntegrationException.Kind.PLATFORM, "interrupted");
		}
	}

}
