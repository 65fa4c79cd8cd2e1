package dev.beacon.integrations.shopify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import dev.beacon.common.Hmac;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.integrations.PlatformHttp;
import dev.beacon.integrations.ShopifyInstalls;
import dev.beacon.order.TrackingLinks;

/**
 * The public app's OAuth: install links carry a single-use {@code state} bound to the
 * store and shop; Shopify's redirects are checked by their query {@code hmac} (hex
 * HMAC-SHA256 of the sorted parameters with the client secret); the code is exchanged for
 * an offline token.
 */
@Component
class ShopifyOAuth implements ShopifyInstalls {

	static final Duration STATE_LIFETIME = Duration.ofHours(1);

	static final Duration CLOCK_SKEW = Duration.ofHours(24);

	/** A state that was issued: for which store and shop. */
	record Pending(UUID storeId, String shop) {
	}

	private final JdbcTemplate jdbc;

	private final IntegrationsProperties properties;

	private final PlatformHttp http;

	private final JsonMapper json;

	private final Clock clock;

	private final TrackingLinks links;

	private final SecureRandom random = new SecureRandom();

	ShopifyOAuth(JdbcTemplate jdbc, IntegrationsProperties properties, PlatformHttp http, JsonMapper json, Clock clock,
			TrackingLinks links) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.http = http;
		this.json = json;
		this.clock = clock;
		this.links = links;
	}

	IntegrationsProperties.Shopify settings() {
		IntegrationsProperties.Shopify s = this.properties.shopify();
		if (!s.publicApp()) {
			throw new IntegrationException(IntegrationException.Kind.CONFLICT,
					"the public app is not configured: set beacon.integrations.shopify.client-id and .client-secret");
		}
		return s;
	}

	String callbackUrl() {
		return this.links.baseUrl() + "/integrations/shopify/callback";
	}

	@Override
	public boolean available() {
		return this.properties.shopify().publicApp();
	}

	/** Issues a state for this store and shop; answers Shopify's authorize URL. */
	@Override
	public String installUrl(UUID storeId, String shop) {
		IntegrationsProperties.Shopify s = settings();
		byte[] nonce = new byte[24];
		this.random.nextBytes(nonce);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		this.jdbc.update("delete from shopify_oauth_states where created_at < ?",
				Timestamp.from(this.clock.instant().minus(STATE_LIFETIME)));
		this.jdbc.update("insert into shopify_oauth_states (state, store_id, shop, created_at) values (?, ?, ?, ?)",
				state, storeId, shop, Timestamp.from(this.clock.instant()));
		return authorizeUrl(shop, state);
	}

	String authorizeUrl(String shop, String state) {
		IntegrationsProperties.Shopify s = settings();
		return s.base(shop) + "/admin/oauth/authorize?client_id=" + enc(s.clientId()) + "&scope="
				+ enc(String.join(",", s.scopes())) + "&redirect_uri=" + enc(callbackUrl()) + "&state=" + enc(state);
	}

	/** The newest unexpired state issued for a shop (Shopify opened the app URL). */
	Optional<String> pendingState(String shop) {
		return this.jdbc
			.queryForList(
					"select state from shopify_oauth_states where shop = ? and created_at > ? "
							+ "order by created_at desc limit 1",
					String.class, shop, Timestamp.from(this.clock.instant().minus(STATE_LIFETIME)))
			.stream()
			.findFirst();
	}

	/**
	 * Consumes a state: the store it was issued for, if it is valid for this shop. Taken
	 * in one statement ({@code delete ... returning}), so a state serves one callback
	 * even when two arrive at once; a state presented for another shop is consumed too.
	 */
	Optional<Pending> consume(String state, String shop) {
		return this.jdbc
			.query("""
					with taken as (delete from shopify_oauth_states where state = ? returning store_id, shop, created_at)
					select store_id, shop from taken where created_at > ? and shop = ?""",
					(rs, i) -> new Pending(rs.getObject("store_id", UUID.class), rs.getString("shop")), state,
					Timestamp.from(this.clock.instant().minus(STATE_LIFETIME)), shop)
			.stream()
			.findFirst();
	}

	/** Whether Shopify signed these query parameters ({@code hmac}), recently. */
	boolean verified(Map<String, String> query) {
		IntegrationsProperties.Shopify s = settings();
		String hmac = query.get("hmac");
		if (hmac == null) {
			return false;
		}
		String timestamp = query.get("timestamp");
		if (timestamp != null) {
			try {
				long age = this.clock.instant().getEpochSecond() - Long.parseLong(timestamp);
				if (Math.abs(age) > CLOCK_SKEW.toSeconds()) {
					return false;
				}
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		return Hmac.matches(sign(s.clientSecret(), query), hmac.strip().toLowerCase());
	}

	/**
	 * The hex HMAC Shopify puts in {@code hmac}: sorted {@code key=value} joined by &.
	 */
	static String sign(String secret, Map<String, String> query) {
		TreeMap<String, String> sorted = new TreeMap<>(query);
		sorted.remove("hmac");
		sorted.remove("signature");
		StringBuilder message = new StringBuilder();
		for (Map.Entry<String, String> e : sorted.entrySet()) {
			message.append(message.isEmpty() ? "" : "&").append(e.getKey()).append('=').append(enc(e.getValue()));
		}
		return Hmac.signHex(secret, message.toString());
	}

	/** Exchanges the authorization code for the shop's offline access token. */
	@Override
	public String exchange(String shop, String code) {
		IntegrationsProperties.Shopify s = settings();
		String url = s.base(shop) + "/admin/oauth/access_token";
		this.http.check(url);
		ResponseEntity<String> response;
		try {
			response = this.http.client()
				.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(Map.of("client_id", s.clientId(), "client_secret", s.clientSecret(), "code", code))
				.retrieve()
				.onStatus(HttpStatusCode::isError, (req, res) -> {
				})
				.toEntity(String.class);
		}
		catch (RestClientException ex) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM,
					"Shopify did not answer the token exchange: " + ex.getMostSpecificCause().getMessage());
		}
		if (!response.getStatusCode().is2xxSuccessful() || response.getBody() == null) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM,
					"Shopify refused the token exchange (HTTP " + response.getStatusCode().value() + ")");
		}
		JsonNode body = this.json.readTree(response.getBody());
		String token = body.path("access_token").asString("");
		if (token.isBlank()) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM, "Shopify answered no access token");
		}
		return token;
	}

	private static String enc(@Nullable String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8).replace("+", "%20");
	}

}
