package dev.beacon.web.hooks;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.common.OutboundAddressPolicy;

/** Registration of store webhook endpoints and the outbox rows written for them. */
@Service
@EnableConfigurationProperties(WebhookSettings.class)
public class StoreWebhooks {

	/** The event types a store backend can subscribe to. */
	public static final Set<String> TYPES = Set.of("shipment.status_changed", "order.status_changed",
			"shipment.registered", "help_request.created");

	private final NamedParameterJdbcTemplate jdbc;

	private final WebhookSettings settings;

	private final SecureRandom random = new SecureRandom();

	private final OutboundAddressPolicy addresses;

	private final Clock clock;

	StoreWebhooks(NamedParameterJdbcTemplate jdbc, WebhookSettings settings, OutboundAddressPolicy addresses,
			Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.addresses = addresses;
		this.clock = clock;
	}

	/**
	 * Registers an endpoint; the signing secret is answered here only. A URL whose host
	 * is, spells or resolves to a non-public address is refused (422), unless
	 * {@code beacon.net.allow-private-addresses}; a name that does not resolve yet is
	 * accepted and checked on every call. A store has at most
	 * {@code beacon.webhooks.max-endpoints-per-store} active endpoints (422 beyond).
	 */
	@Transactional
	public WebhookEndpoint register(UUID storeId, String url, List<String> events) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookException("url", "url is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("https") || (scheme.equals("http") && this.settings.allowHttp()))) {
			throw new WebhookException("url",
					this.settings.allowHttp() ? "url must be an http(s) URL" : "url must be an https URL");
		}
		String host = host(uri);
		if (host == null) {
			throw new WebhookException("url", "url is not a valid URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new WebhookException("url", "url must not carry a user name or password");
		}
		String refusal = this.addresses.refusal(host);
		if (refusal != null) {
			throw WebhookException.unprocessable("url", "url " + refusal);
		}
		if (uri.getHost() == null) {
			throw new WebhookException("url", "url is not a valid URL");
		}
		List<String> types = events.isEmpty() ? List.of("*") : events.stream().map(String::strip).distinct().toList();
		for (String t : types) {
			if (!t.equals("*") && !TYPES.contains(t)) {
				throw new WebhookException("events", "unknown event type '" + t + "'; known: " + TYPES);
			}
		}
		Integer active = this.jdbc.queryForObject(
				"select count(*) from webhook_endpoints where store_id = :store and disabled_at is null",
				Map.of("store", storeId), Integer.class);
		if (active != null && active >= this.settings.maxEndpointsPerStore()) {
			throw WebhookException.unprocessable("url", "a store has at most " + this.settings.maxEndpointsPerStore()
					+ " webhook endpoints; remove one first");
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID(), storeId, uri.toString(),
				"whsec_" + HexFormat.of().formatHex(bytes), types, this.clock.instant());
		this.jdbc.update("""
				insert into webhook_endpoints (id, store_id, url, secret, events, created_at)
				values (:id, :store, :url, :secret, :events, :now)""",
				new MapSqlParameterSource("id", endpoint.id()).addValue("store", storeId)
					.addValue("url", endpoint.url())
					.addValue("secret", endpoint.secret())
					.addValue("events", String.join(",", types))
					.addValue("now", Timestamp.from(endpoint.createdAt())));
		SubscribedEndpoints.changed();
		return endpoint;
	}

	/**
	 * The host of a URL as written, also when {@link URI#getHost()} cannot read it (an
	 * all-numeric spelling such as {@code 2130706433}); null without one.
	 */
	private static @Nullable String host(URI uri) {
		if (uri.getHost() != null) {
			return uri.getHost();
		}
		String authority = uri.getRawAuthority();
		if (authority == null) {
			return null;
		}
		String h = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = h.lastIndexOf(':');
		if (colon >= 0 && !h.endsWith("]")) {
			h = h.substring(0, colon);
		}
		return h.isBlank() ? null : h;
	}

	public List<WebhookEndpoint> endpoints(UUID storeId) {
		return this.jdbc.query("select * from webhook_endpoints where store_id = :store and disabled_at is null "
				+ "order by created_at", Map.of("store", storeId), ENDPOINT);
	}

	public Optional<WebhookEndpoint> endpoint(UUID storeId, UUID id) {
		return this.jdbc
			.query("select * from webhook_endpoints where store_id = :store and id = :id " + "and disabled_at is null",
					Map.of("store", storeId, "id", id), ENDPOINT)
			.stream()
			.findFirst();
	}

	/**
	 * Stops deliveries to an endpoint; answers false when the store has no such endpoint.
	 */
	@Transactional
	public boolean remove(UUID storeId, UUID id) {
		SubscribedEndpoints.changed();
		int n = this.jdbc
			.update("update webhook_endpoints set disabled_at = now() where store_id = :store and id = :id "
					+ "and disabled_at is null", Map.of("store", storeId, "id", id));
		// "(status = 'PENDING') is true", not "status = 'PENDING'": the endpoint's
		// index serves it, never the dispatcher's partial index on pending rows, which
		// statistics taken while few were pending make look empty (notify's
		// Messages.PENDING)
		this.jdbc.update("update webhook_deliveries set status = 'CANCELLED' where endpoint_id = :id "
				+ "and store_id = :store and (status = 'PENDING') is true", Map.of("store", storeId, "id", id));
		return n == 1;
	}

	/** Recent deliveries to one endpoint of the store, newest first. */
	public List<Map<String, Object>> deliveries(UUID storeId, UUID endpointId, int limit) {
		return this.jdbc.queryForList("""
				select id, event_id as "eventId", event_type as "type", status, attempts, last_status as "lastStatus",
				       last_error as "lastError", created_at as "createdAt", delivered_at as "deliveredAt",
				       next_attempt_at as "nextAttemptAt"
				from webhook_deliveries where store_id = :store and endpoint_id = :endpoint
				order by created_at desc limit :limit""",
				Map.of("store", storeId, "endpoint", endpointId, "limit", Math.max(1, Math.min(limit, 200))));
	}

	/**
	 * Writes one outbox row per interested endpoint (of those the caller just loaded with
	 * {@link #endpoints(UUID)}), in the caller's transaction.
	 */
	void enqueue(UUID storeId, List<WebhookEndpoint> endpoints, UUID eventId, String type, String payload) {
		for (WebhookEndpoint e : endpoints) {
			if (e.wants(type)) {
				this.jdbc.update(
						"""
								insert into webhook_deliveries (id, endpoint_id, store_id, event_id, event_type, payload, status,
								                                next_attempt_at, created_at)
								values (:id, :endpoint, :store, :event, :type, :payload, 'PENDING', now(), now())
								on conflict (endpoint_id, event_id) do nothing""",
						new MapSqlParameterSource("id", UUID.randomUUID()).addValue("endpoint", e.id())
							.addValue("store", storeId)
							.addValue("event", eventId)
							.addValue("type", type)
							.addValue("payload", payload));
			}
		}
	}

	private static final RowMapper<WebhookEndpoint> ENDPOINT = (rs, i) -> new WebhookEndpoint(
			rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class), rs.getString("url"),
			rs.getString("secret"), Arrays.asList(rs.getString("events").split(",")),
			rs.getTimestamp("created_at").toInstant());

}
