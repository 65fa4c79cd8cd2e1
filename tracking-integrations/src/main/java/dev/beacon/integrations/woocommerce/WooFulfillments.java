package dev.beacon.integrations.woocommerce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.OrderSync;
import dev.beacon.integrations.SyncJobs;
import dev.beacon.integrations.SyncedOrder;
import dev.beacon.integrations.WooCommerceKeys;
import dev.beacon.order.Order;

/**
 * Tracking numbers from WooCommerce core fulfillments ({@code GET
 * /wp-json/wc/v3/orders/{id}/fulfillments}, a feature-flagged 2025 addition), next to the
 * Shipment Tracking extension's meta. Orders and their webhooks do not carry
 * fulfillments, so Beacon asks for them: during the backfill with each order, after an
 * order webhook in the background. A site without the feature answers 404
 * {@code rest_no_route}; it is then not asked again for an hour. A failed request costs
 * only the fulfillments.
 */
@Component
class WooFulfillments {

	private static final Logger log = LoggerFactory.getLogger(WooFulfillments.class);

	static final Duration RECHECK = Duration.ofHours(1);

	private static final Pattern ORDER_ID = Pattern.compile("\\d{1,20}");

	private final WooClient client;

	private final OrderSync orders;

	private final SyncJobs jobs;

	private final Clock clock;

	private final Map<UUID, Instant> absentUntil = new ConcurrentHashMap<>();

	WooFulfillments(WooClient client, OrderSync orders, SyncJobs jobs, Clock clock) {
		this.client = client;
		this.orders = orders;
		this.jobs = jobs;
		this.clock = clock;
	}

	/**
	 * The parcels of an order's core fulfillments; none when the site has no such route.
	 */
	List<SyncedOrder.SyncedShipment> of(Connection c, String orderId) {
		Instant until = this.absentUntil.get(c.id());
		if ((until != null && this.clock.instant().isBefore(until)) || !ORDER_ID.matcher(orderId).matches()) {
			return List.of();
		}
		try {
			WooClient.Page page = this.client.get(c.account(), WooCommerceKeys.of(c.token()),
					"/orders/" + orderId + "/fulfillments", Map.of());
			this.absentUntil.remove(c.id());
			return WooPayloads.fulfillments(page.body());
		}
		catch (WooClient.Missing ex) {
			if (ex.noRoute()) {
				this.absentUntil.put(c.id(), this.clock.instant().plus(RECHECK));
			}
			return List.of();
		}
		catch (IntegrationException ex) {
			log.info("WooCommerce {}: fulfillments of order {} not read: {}", c.account(), orderId, ex.getMessage());
			return List.of();
		}
	}

	/** The order with its fulfillments' parcels added. */
	SyncedOrder withFulfillments(Connection c, SyncedOrder order) {
		List<SyncedOrder.SyncedShipment> extra = of(c, order.externalId());
		if (extra.isEmpty()) {
			return order;
		}
		List<SyncedOrder.SyncedShipment> all = new java.util.ArrayList<>(order.shipments());
		all.addAll(extra);
		return new SyncedOrder(order.platform(), order.externalId(), order.orderNumber(), order.placedAt(),
				order.customer(), order.destination(), order.items(), order.updatedAt(), order.cancelled(),
				List.copyOf(all));
	}

	/**
	 * After an order webhook was applied: reads the order's fulfillments off the request
	 * thread and adds their parcels to the Beacon order.
	 */
	void afterWebhook(Connection c, String orderId) {
		if (!ORDER_ID.matcher(orderId).matches()) {
			return;
		}
		this.jobs.submit("woocommerce fulfillments " + orderId, () -> {
			List<SyncedOrder.SyncedShipment> parcels = of(c, orderId);
			if (parcels.isEmpty()) {
				return;
			}
			Optional<Order> order = this.orders.find(c.storeId(), Connection.WOOCOMMERCE, orderId, null);
			order.ifPresent(
					(o) -> parcels.forEach((s) -> this.orders.shipment(c.storeId(), Connection.WOOCOMMERCE, o, s)));
		});
	}

}
