package dev.beacon.integrations.shopify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.OrderSync;
import dev.beacon.integrations.SyncJobs;
import dev.beacon.integrations.SyncedOrder;

/**
 * What follows a Shopify connect: Beacon subscribes its webhooks through the Admin API (a
 * failure is shown on the connection and retried, never failing the connect) and imports
 * the orders of the last {@code backfillDays} page by page, with progress on the
 * connection.
 */
@Component
class ShopifySync {

	private static final Logger log = LoggerFactory.getLogger(ShopifySync.class);

	static final List<String> TOPICS = List.of("ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED",
			"FULFILLMENTS_CREATE", "FULFILLMENTS_UPDATE", "FULFILLMENT_EVENTS_CREATE", "APP_UNINSTALLED");

	static final String SUBSCRIBE = """
			mutation Subscribe($topic: WebhookSubscriptionTopic!, $url: URL!) {
			  webhookSubscriptionCreate(topic: $topic, webhookSubscription: {callbackUrl: $url, format: JSON}) {
			    webhookSubscription { id }
			    userErrors { field message }
			  }
			}""";

	static final String BACKFILL = """
			query Backfill($cursor: String, $q: String) {
			  orders(first: 50, after: $cursor, query: $q, sortKey: CREATED_AT) {
			    pageInfo { hasNextPage endCursor }
			    nodes {
			      id name email phone createdAt updatedAt cancelledAt customerLocale
			      customer { firstName lastName }
			      shippingAddress { name city provinceCode zip countryCodeV2 phone }
			      lineItems(first: 50) { nodes { name title sku quantity } }
			      fulfillments(first: 10) { id status createdAt trackingInfo(first: 5) { company number url } }
			    }
			  }
			}""";

	private final ShopifyAdmin admin;

	private final Connections connections;

	private final OrderSync orders;

	private final SyncJobs jobs;

	private final Clock clock;

	private final String publicBaseUrl;

	ShopifySync(ShopifyAdmin admin, Connections connections, OrderSync orders, SyncJobs jobs, Clock clock,
			@Value("${beacon.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.admin = admin;
		this.connections = connections;
		this.orders = orders;
		this.jobs = jobs;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	/** Subscribes and backfills in the background. */
	void afterConnect(Connection c) {
		this.jobs.submit("shopify " + c.account(), () -> {
			subscribe(c);
			backfill(c);
		});
	}

	/** Creates Beacon's webhook subscriptions; records the outcome on the connection. */
	void subscribe(Connection c) {
		String callback = this.publicBaseUrl + "/webhooks/shopify";
		try {
			for (String topic : TOPICS) {
				JsonNode data = this.admin.query(c.account(), c.token(), SUBSCRIBE,
						Map.of("topic", topic, "url", callback));
				JsonNode errors = data.path("webhookSubscriptionCreate").path("userErrors");
				for (JsonNode e : errors) {
					String message = e.path("message").asString("");
					if (!message.toLowerCase().contains("taken")) {
						throw new IntegrationException(IntegrationException.Kind.PLATFORM,
								"Shopify refused the " + topic + " subscription: " + message);
					}
				}
			}
			this.connections.subscription(c.id(), "active", null);
		}
		catch (IntegrationException ex) {
			log.warn("Shopify {}: webhook subscription failed: {}", c.account(), ex.getMessage());
			this.connections.subscription(c.id(), "failed", ex.getMessage());
		}
	}

	/** Imports the orders of the last {@code backfillDays}, page by page. */
	void backfill(Connection c) {
		String since = this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(c.backfillDays()).toString();
		int imported = 0;
		int pages = 0;
		@Nullable String cursor = null;
		this.connections.backfill(c.id(), "running", 0, 0, null);
		try {
			do {
				Map<String, Object> vars = new HashMap<>();
				vars.put("cursor", cursor);
				vars.put("q", "created_at:>=" + since);
				JsonNode page = this.admin.query(c.account(), c.token(), BACKFILL, vars).path("orders");
				for (JsonNode node : page.path("nodes")) {
					SyncedOrder order = ShopifyPayloads.graphqlOrder(node);
					if (order != null && apply(c, order)) {
						imported++;
					}
				}
				pages++;
				this.connections.backfill(c.id(), "running", imported, pages, null);
				JsonNode info = page.path("pageInfo");
				cursor = info.path("hasNextPage").asBoolean(false) ? info.path("endCursor").asString(null) : null;
			}
			while (cursor != null);
			this.connections.backfill(c.id(), "done", imported, pages, null);
		}
		catch (IntegrationException ex) {
			log.warn("Shopify {}: backfill stopped after {} pages: {}", c.account(), pages, ex.getMessage());
			this.connections.backfill(c.id(), "failed", imported, pages, ex.getMessage());
		}
	}

	private boolean apply(Connection c, SyncedOrder order) {
		try {
			this.orders.apply(c.storeId(), order);
			return true;
		}
		catch (RuntimeException ex) {
			log.info("Shopify {}: order {} not imported: {}", c.account(), order.orderNumber(), ex.getMessage());
			return false;
		}
	}

	/** Retries failed webhook subscriptions every 10 minutes. */
	@Scheduled(fixedDelayString = "${beacon.integrations.retry-interval:PT10M}",
			initialDelayString = "${beacon.integrations.retry-interval:PT10M}")
	void retrySubscriptions() {
		for (Connection c : this.connections.withFailedSubscription()) {
			if (Connection.SHOPIFY.equals(c.platform())) {
				subscribe(c);
			}
		}
	}

}
