package dev.beacon.integrations.shopify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.PlatformClient;
import dev.beacon.integrations.SyncedOrder;

/**
 * Shopify's side of what follows a connect ({@link dev.beacon.integrations.PlatformSync}
 * runs it): Beacon's webhook subscriptions through the Admin API, and the orders of the
 * last {@code backfillDays} through the GraphQL Admin API, 50 a page.
 */
@Component
class ShopifySync implements PlatformClient {

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

	private final Clock clock;

	ShopifySync(ShopifyAdmin admin, Clock clock) {
		this.admin = admin;
		this.clock = clock;
	}

	@Override
	public String platform() {
		return Connection.SHOPIFY;
	}

	@Override
	public void verify(String account, String token) {
		this.admin.verify(account, token);
	}

	@Override
	public void subscribe(Connection c, String publicBaseUrl) {
		String callback = publicBaseUrl + "/webhooks/shopify";
		for (String topic : TOPICS) {
			JsonNode data = this.admin.query(c.account(), c.token(), SUBSCRIBE,
					Map.of("topic", topic, "url", callback));
			for (JsonNode e : data.path("webhookSubscriptionCreate").path("userErrors")) {
				String message = e.path("message").asString("");
				if (!message.toLowerCase(Locale.ROOT).contains("taken")) {
					throw new IntegrationException(IntegrationException.Kind.PLATFORM,
							"Shopify refused the " + topic + " subscription: " + message);
				}
			}
		}
	}

	@Override
	public Page page(Connection c, @Nullable String cursor) {
		String since = this.clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(c.backfillDays()).toString();
		Map<String, Object> vars = new HashMap<>();
		vars.put("cursor", cursor);
		vars.put("q", "created_at:>=" + since);
		JsonNode page = this.admin.query(c.account(), c.token(), BACKFILL, vars).path("orders");
		List<SyncedOrder> orders = new ArrayList<>();
		for (JsonNode node : page.path("nodes")) {
			SyncedOrder order = ShopifyPayloads.graphqlOrder(node);
			if (order != null) {
				orders.add(order);
			}
		}
		JsonNode info = page.path("pageInfo");
		return new Page(orders,
				info.path("hasNextPage").asBoolean(false) ? info.path("endCursor").asString(null) : null);
	}

}
