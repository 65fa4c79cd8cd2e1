package dev.beacon.integrations.shopify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.integrations.PlatformHttp;

/**
 * Shopify's GraphQL Admin API, throttle-aware: a {@code THROTTLED} answer waits
 * {@code (requestedQueryCost - currentlyAvailable) / restoreRate} seconds, a 429 or 503
 * waits {@code Retry-After}, and a call that would overdraw the bucket waits first.
 */
@Component
class ShopifyAdmin {

	static final int MAX_TRIES = 6;

	static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final PlatformHttp http;

	private final IntegrationsProperties properties;

	private final JsonMapper json;

	private final Sleeper sleeper;

	ShopifyAdmin(PlatformHttp http, IntegrationsProperties properties, JsonMapper json) {
		this.http = http;
		this.properties = properties;
		this.json = json;
		this.sleeper = Sleeper.REAL;
	}

	/** Waits (tests may count instead of sleeping). */
	interface Sleeper {

		Sleeper REAL = (d) -> {
			try {
				Thread.sleep(d.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IntegrationException(IntegrationException.Kind.PLATFORM, "interrupted");
			}
		};

		void sleep(Duration d);

	}

	String endpoint(String shop) {
		return url(shop, "graphql.json");
	}

	private String url(String shop, String resource) {
		return this.properties.shopify().base(shop) + "/admin/api/" + this.properties.shopify().apiVersion() + "/"
				+ resource;
	}

	/**
	 * Proves the token opens this shop's Admin API: one {@code GET shop.json}, no retry,
	 * answered by the shop itself ({@code myshopify_domain}). {@code REFUSED} on a 4xx
	 * other than 429 or another shop's answer; {@code PLATFORM} when Shopify did not
	 * answer.
	 */
	void verify(String shop, String token) {
		String url = url(shop, "shop.json");
		this.http.check(url);
		ResponseEntity<String> response = send(this.http.client()
			.get()
			.uri(url)
			.header("X-Shopify-Access-Token", token)
			.accept(MediaType.APPLICATION_JSON));
		int status = response.getStatusCode().value();
		if (status >= 400 && status < 500 && status != 429) {
			throw new IntegrationException(IntegrationException.Kind.REFUSED,
					"accessToken not accepted: Shopify answered HTTP " + status + " for " + shop);
		}
		if (status >= 300) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM, "Shopify answered HTTP " + status);
		}
		String domain;
		try {
			domain = this.json.readTree((response.getBody() != null) ? response.getBody() : "{}")
				.path("shop")
				.path("myshopify_domain")
				.asString("");
		}
		catch (RuntimeException ex) {
			domain = "";
		}
		if (!domain.equalsIgnoreCase(shop)) {
			throw new IntegrationException(IntegrationException.Kind.REFUSED,
					"accessToken not accepted: Shopify did not answer as the shop " + shop);
		}
	}

	/** Runs a query; answers its {@code data}. Throttling is waited out. */
	JsonNode query(String shop, String token, String query, Map<String, ?> variables) {
		String url = endpoint(shop);
		this.http.check(url);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		for (int attempt = 1;; attempt++) {
			ResponseEntity<String> response = send(this.http.client()
				.post()
				.uri(url)
				.header("X-Shopify-Access-Token", token)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(body));
			int status = response.getStatusCode().value();
			if ((status == 429 || status == 503) && attempt < MAX_TRIES) {
				this.sleeper.sleep(retryAfter(response.getHeaders().getFirst("Retry-After")));
				continue;
			}
			if (status == 401 || status == 403) {
				throw new IntegrationException(IntegrationException.Kind.PLATFORM,
						"Shopify refused the access token (HTTP " + status + ")");
			}
			if (status >= 300) {
				throw new IntegrationException(IntegrationException.Kind.PLATFORM, "Shopify answered HTTP " + status);
			}
			JsonNode root;
			try {
				root = this.json.readTree((response.getBody() != null) ? response.getBody() : "{}");
			}
			catch (RuntimeException ex) {
				throw new IntegrationException(IntegrationException.Kind.PLATFORM,
						"Shopify did not answer JSON (HTTP " + status + ")");
			}
			JsonNode cost = root.path("extensions").path("cost");
			if (throttled(root)) {
				if (attempt >= MAX_TRIES) {
					throw new IntegrationException(IntegrationException.Kind.PLATFORM, "Shopify kept throttling");
				}
				this.sleeper.sleep(refill(cost));
				continue;
			}
			if (root.path("errors").isArray() && !root.path("errors").isEmpty()) {
				throw new IntegrationException(IntegrationException.Kind.PLATFORM,
						"Shopify GraphQL error: " + root.path("errors").get(0).path("message").asString(""));
			}
			Duration pace = pace(cost);
			if (!pace.isZero()) {
				this.sleeper.sleep(pace);
			}
			return root.path("data");
		}
	}

	/** Sends a request; any HTTP answer is returned, no answer is a platform failure. */
	private static ResponseEntity<String> send(RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {
			}).toEntity(String.class);
		}
		catch (RestClientException ex) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM,
					"Shopify did not answer: " + ex.getMostSpecificCause().getMessage());
		}
	}

	private static boolean throttled(JsonNode root) {
		for (JsonNode e : root.path("errors")) {
			if ("THROTTLED".equals(e.path("extensions").path("code").asString(""))
					|| "Throttled".equalsIgnoreCase(e.path("message").asString(""))) {
				return true;
			}
		}
		return false;
	}

	/** How long until the bucket holds what a throttled query asked for. */
	static Duration refill(JsonNode cost) {
		double requested = cost.path("requestedQueryCost").asDouble(100);
		JsonNode t = cost.path("throttleStatus");
		double available = t.path("currentlyAvailable").asDouble(0);
		double rate = t.path("restoreRate").asDouble(50);
		return seconds(Math.max(1, (requested - available) / Math.max(1, rate)));
	}

	/** Waits before the next call when the bucket is lower than this call cost. */
	static Duration pace(JsonNode cost) {
		JsonNode t = cost.path("throttleStatus");
		if (t.isMissingNode()) {
			return Duration.ZERO;
		}
		double requested = cost.path("requestedQueryCost").asDouble(0);
		double available = t.path("currentlyAvailable").asDouble(Double.MAX_VALUE);
		double rate = t.path("restoreRate").asDouble(50);
		return (available >= requested) ? Duration.ZERO : seconds((requested - available) / Math.max(1, rate));
	}

	static Duration retryAfter(@Nullable String header) {
		if (header != null) {
			try {
				return seconds(Double.parseDouble(header.strip()));
			}
			catch (NumberFormatException ex) {
				// an HTTP date: wait the default
			}
		}
		return Duration.ofSeconds(2);
	}

	private static Duration seconds(double s) {
		Duration d = Duration.ofMillis((long) Math.ceil(s * 1000));
		return (d.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : d;
	}

}
