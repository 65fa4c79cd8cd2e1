package dev.beacon.integrations.woocommerce;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.integrations.PlatformClient;
import dev.beacon.integrations.SyncedOrder;
import dev.beacon.integrations.WooCommerceKeys;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * WooCommerce's side of what follows a connect
 * ({@link dev.beacon.integrations.PlatformSync} runs it): Beacon's webhooks are created
 * through the REST API, and the orders of the last {@code backfillDays} are read page by
 * page ({@code X-WP-TotalPages}), each with the tracking of its core fulfillments where
 * the site has them.
 */
@Component
class WooSync implements PlatformClient {

	static final List<String> TOPICS = List.of("order.created", "order.updated", "order.deleted");

	private final WooClient client;

	private final WooFulfillments fulfillments;

	private final StoreManagement stores;

	private final IntegrationsProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	WooSync(WooClient client, WooFulfillments fulfillments, StoreManagement stores, IntegrationsProperties properties,
			JsonMapper json, Clock clock) {
		this.client = client;
		this.fulfillments = fulfillments;
		this.stores = stores;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String platform() {
		return Connection.WOOCOMMERCE;
	}

	@Override
	public void verify(String account, String token) {
		this.client.verify(account, WooCommerceKeys.of(token));
	}

	@Override
	public void subscribe(Connection c, String publicBaseUrl) {
		String slug = this.stores.byId(c.storeId()).map(Store::getSlug).orElseThrow();
		String delivery = publicBaseUrl + "/webhooks/woocommerce/" + slug;
		for (String topic : TOPICS) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", "Beacon " + topic);
			body.put("topic", topic);
			body.put("delivery_url", delivery);
			body.put("secret", c.signingSecret());
			body.put("status", "active");
			this.client.post(c.account(), WooCommerceKeys.of(c.token()), "/webhooks", body);
		}
	}

	@Override
	public Page page(Connection c, @Nullable String cursor) {
		int page = (cursor != null) ? Integer.parseInt(cursor) : 1;
		String after = this.clock.instant()
			.truncatedTo(ChronoUnit.SECONDS)
			.atZone(ZoneOffset.UTC)
			.minusDays(c.backfillDays())
			.toLocalDateTime()
			.toString();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("after", after);
		query.put("dates_are_gmt", "true");
		query.put("per_page", "100");
		query.put("page", Integer.toString(page));
		query.put("orderby", "date");
		query.put("order", "asc");
		WooClient.Page answer = this.client.get(c.account(), WooCommerceKeys.of(c.token()), "/orders", query);
		List<SyncedOrder> orders = new ArrayList<>();
		for (JsonNode o : answer.body()) {
			SyncedOrder order = WooPayloads.order(o, this.properties.woocommerce().trackingMetaKey(), this.json);
			if (order != null) {
				orders.add(this.fulfillments.withFulfillments(c, order));
			}
		}
		return new Page(orders, (page < answer.totalPages()) ? Integer.toString(page + 1) : null);
	}

}
