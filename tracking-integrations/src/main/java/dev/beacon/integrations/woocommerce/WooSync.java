package dev.beacon.integrations.woocommerce;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.integrations.OrderSync;
import dev.beacon.integrations.SyncJobs;
import dev.beacon.integrations.SyncedOrder;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * What follows a WooCommerce connect: Beacon's webhooks are created through the REST API
 * (a failure is shown on the connection and retried; it never fails the connect nor
 * delays the backfill) and the orders of the last {@code backfillDays} are imported page
 * by page ({@code X-WP-TotalPages}).
 */
@Component
class WooSync {

	private static final Logger log = LoggerFactory.getLogger(WooSync.class);

	static final List<String> TOPICS = List.of("order.created", "order.updated", "order.deleted");

	private final WooClient client;

	private final Connections connections;

	private final OrderSync orders;

	private final StoreManagement stores;

	private final SyncJobs jobs;

	private final IntegrationsProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final String publicBaseUrl;

	WooSync(WooClient client, Connections connections, OrderSync orders, StoreManagement stores, SyncJobs jobs,
			IntegrationsProperties properties, JsonMapper json, Clock clock,
			@Value("${beacon.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.client = client;
		this.connections = connections;
		this.orders = orders;
		this.stores = stores;
		this.jobs = jobs;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	void afterConnect(Connection c) {
		this.jobs.submit("woocommerce " + c.account(), () -> backfill(c));
		this.jobs.submit("woocommerce webhooks " + c.account(), () -> subscribe(c));
	}

	void subscribe(Connection c) {
		String slug = this.stores.byId(c.storeId()).map(Store::getSlug).orElseThrow();
		String delivery = this.publicBaseUrl + "/webhooks/woocommerce/" + slug;
		try {
			for (String topic : TOPICS) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("name", "Beacon " + topic);
				body.put("topic", topic);
				body.put("delivery_url", delivery);
				body.put("secret", c.signingSecret());
				body.put("status", "active");
				this.client.post(c.account(), WooClient.Keys.of(c.token()), "/webhooks", body);
			}
			this.connections.subscription(c.id(), "active", null);
		}
		catch (IntegrationException ex) {
			log.warn("WooCommerce {}: webhook subscription failed: {}", c.account(), ex.getMessage());
			this.connections.subscription(c.id(), "failed", ex.getMessage());
		}
	}

	void backfill(Connection c) {
		String after = this.clock.instant()
			.truncatedTo(ChronoUnit.SECONDS)
			.atZone(ZoneOffset.UTC)
			.minusDays(c.backfillDays())
			.toLocalDateTime()
			.toString();
		int imported = 0;
		int page = 1;
		int pages = 0;
		this.connections.backfill(c.id(), "running", 0, 0, null);
		try {
			int total;
			do {
				Map<String, String> query = new LinkedHashMap<>();
				query.put("after", after);
				query.put("dates_are_gmt", "true");
				query.put("per_page", "100");
				query.put("page", Integer.toString(page));
				query.put("orderby", "date");
				query.put("order", "asc");
				WooClient.Page answer = this.client.get(c.account(), WooClient.Keys.of(c.token()), "/orders", query);
				total = answer.totalPages();
				for (JsonNode o : answer.body()) {
					SyncedOrder order = WooPayloads.order(o, this.properties.woocommerce().trackingMetaKey(),
							this.json);
					if (order != null && apply(c, order)) {
						imported++;
					}
				}
				pages++;
				this.connections.backfill(c.id(), "running", imported, pages, null);
				page++;
			}
			while (page <= total);
			this.connections.backfill(c.id(), "done", imported, pages, null);
		}
		catch (IntegrationException ex) {
			log.warn("WooCommerce {}: backfill stopped after {} pages: {}", c.account(), pages, ex.getMessage());
			this.connections.backfill(c.id(), "failed", imported, pages, ex.getMessage());
		}
	}

	private boolean apply(Connection c, SyncedOrder order) {
		try {
			this.orders.apply(c.storeId(), order);
			return true;
		}
		catch (RuntimeException ex) {
			log.info("WooCommerce {}: order {} not imported: {}", c.account(), order.orderNumber(), ex.getMessage());
			return false;
		}
	}

	@Scheduled(fixedDelayString = "${beacon.integrations.retry-interval:PT10M}",
			initialDelayString = "${beacon.integrations.retry-interval:PT10M}")
	void retrySubscriptions() {
		for (Connection c : this.connections.withFailedSubscription()) {
			if (Connection.WOOCOMMERCE.equals(c.platform())) {
				subscribe(c);
			}
		}
	}

}
