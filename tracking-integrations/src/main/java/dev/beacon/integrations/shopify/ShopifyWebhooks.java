package dev.beacon.integrations.shopify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.OrderSync;
import dev.beacon.integrations.PlatformLinks;
import dev.beacon.integrations.SyncedOrder;
import dev.beacon.order.Order;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;

import static dev.beacon.common.JsonFields.instant;
import static dev.beacon.common.JsonFields.text;

/**
 * Applies one verified Shopify delivery, in one transaction with its de-duplication
 * record: a delivery that changes nothing is rolled back (so a later redelivery, e.g.
 * after the order exists, still counts).
 */
@Service
class ShopifyWebhooks {

	private static final Logger log = LoggerFactory.getLogger(ShopifyWebhooks.class);

	/** What became of a delivery. */
	enum Result {

		APPLIED, DUPLICATE, IGNORED

	}

	private final PlatformLinks links;

	private final OrderSync orders;

	private final Connections connections;

	ShopifyWebhooks(PlatformLinks links, OrderSync orders, Connections connections) {
		this.links = links;
		this.orders = orders;
		this.connections = connections;
	}

	@Transactional
	Result handle(Connection c, String topic, @Nullable String webhookId, JsonNode body) {
		if (webhookId != null && !this.links.firstDelivery(Connection.SHOPIFY, webhookId, c.storeId())) {
			return Result.DUPLICATE;
		}
		if (!c.active() && !topic.equals("shop/redact") && !topic.equals("customers/redact")
				&& !topic.equals("customers/data_request")) {
			return ignore("Shopify " + c.account() + " is not connected; " + topic + " dropped");
		}
		return switch (topic) {
			case "orders/create", "orders/updated", "orders/cancelled" -> order(c, topic, body);
			case "fulfillments/create", "fulfillments/update" -> fulfillment(c, body);
			case "fulfillment_events/create" -> fulfillmentEvent(c, body);
			case "app/uninstalled" -> {
				this.connections.deactivate(c.id());
				log.info("Shopify {}: app uninstalled, store {} disconnected", c.account(), c.storeId());
				yield Result.APPLIED;
			}
			case "customers/redact" -> customersRedact(c, body);
			case "shop/redact" -> shopRedact(c);
			case "customers/data_request" -> {
				log.info("Shopify {}: customer data request {} for store {} (orders {}): answer it from the console",
						c.account(), text(body.path("data_request"), "id"), c.storeId(), body.path("orders_requested"));
				yield Result.APPLIED;
			}
			default -> ignore("Shopify topic " + topic + " is not handled");
		};
	}

	private Result order(Connection c, String topic, JsonNode body) {
		SyncedOrder order = ShopifyPayloads.order(body);
		if (order == null) {
			return ignore("Shopify order without id, name or created_at");
		}
		if (topic.equals("orders/cancelled") && !order.cancelled()) {
			order = new SyncedOrder(order.platform(), order.externalId(), order.orderNumber(), order.placedAt(),
					order.customer(), order.destination(), order.items(), order.updatedAt(), true, order.shipments());
		}
		this.orders.apply(c.storeId(), order);
		return Result.APPLIED;
	}

	private Result fulfillment(Connection c, JsonNode body) {
		String orderId = text(body, "order_id");
		Optional<Order> order = (orderId != null)
				? this.orders.find(c.storeId(), Connection.SHOPIFY, orderId, ShopifyPayloads.orderNumberOf(body))
				: Optional.empty();
		if (order.isEmpty()) {
			return ignore("Shopify fulfillment " + text(body, "id") + " names no order of store " + c.storeId());
		}
		boolean any = false;
		for (SyncedOrder.SyncedShipment s : ShopifyPayloads.fulfillment(body)) {
			this.orders.shipment(c.storeId(), Connection.SHOPIFY, order.get(), s);
			any = true;
		}
		return any ? Result.APPLIED : ignore("Shopify fulfillment " + text(body, "id") + " has no tracking number");
	}

	private Result fulfillmentEvent(Connection c, JsonNode body) {
		String fulfillmentId = text(body, "fulfillment_id");
		String status = text(body, "status");
		Instant at = instant(text(body, "happened_at"));
		if (fulfillmentId == null || status == null || at == null) {
			return ignore("Shopify fulfillment event without fulfillment_id, status or happened_at");
		}
		List<UUID> shipments = this.links.shipmentsOfFulfillment(c.storeId(), Connection.SHOPIFY, fulfillmentId);
		if (shipments.isEmpty()) {
			return ignore("Shopify fulfillment " + fulfillmentId + " is not tracked in store " + c.storeId());
		}
		String country = text(body, "country");
		RawScan scan = OrderSync.storeScan(status, text(body, "message"), at,
				new ScanLocation(text(body, "city"), text(body, "province"), text(body, "zip"),
						(country != null && country.length() == 2) ? country.toUpperCase(Locale.ROOT) : null),
				"shopify-event:" + ((text(body, "id") != null) ? text(body, "id") : fulfillmentId + ":" + status));
		for (UUID id : shipments) {
			this.orders.storeStatus(id, scan, "Shopify fulfillment event " + text(body, "id"));
		}
		return Result.APPLIED;
	}

	private Result customersRedact(Connection c, JsonNode body) {
		List<String> ids = new ArrayList<>();
		for (JsonNode id : body.path("orders_to_redact")) {
			ids.add(id.asString());
		}
		List<UUID> orderIds = new ArrayList<>(this.links.orders(c.storeId(), Connection.SHOPIFY, ids));
		String email = text(body.path("customer"), "email");
		int erased = this.orders.erase(c.storeId(), orderIds, email);
		log.info("Shopify {}: customers/redact erased personal data of {} orders in store {}", c.account(), erased,
				c.storeId());
		return Result.APPLIED;
	}

	private Result shopRedact(Connection c) {
		int erased = this.orders.erase(c.storeId(), this.links.allOrders(c.storeId(), Connection.SHOPIFY), null);
		if (!c.active()) {
			this.connections.delete(c.id());
		}
		log.info("Shopify {}: shop/redact erased personal data of {} orders in store {}", c.account(), erased,
				c.storeId());
		return Result.APPLIED;
	}

	private static Result ignore(String why) {
		log.info("Shopify webhook ignored: {}", why);
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		return Result.IGNORED;
	}

}
