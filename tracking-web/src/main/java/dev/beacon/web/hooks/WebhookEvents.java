package dev.beacon.web.hooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.beacon.common.OutboxWrites;
import dev.beacon.order.OrderStatusChanged;
import dev.beacon.shipment.ShipmentRegistered;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.store.StoreManagement;
import dev.beacon.support.HelpRequested;

/**
 * Turns core's events into webhook deliveries. Runs inside the transaction that changed
 * the status and writes through {@link OutboxWrites#guarded}, so a delivery exists if and
 * only if the change committed, and a failed write never undoes the change (ADR 0004).
 * The events carry everything a payload holds (store slug, order number), so nothing is
 * read back from core here. Replayed transitions are not sent.
 */
@Component
class WebhookEvents {

	private final StoreWebhooks webhooks;

	private final JsonMapper json;

	private final OutboxWrites outbox;

	private final Clock clock;

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final SubscribedEndpoints subscribed;

	WebhookEvents(StoreWebhooks webhooks, JsonMapper json, OutboxWrites outbox, Clock clock, StoreManagement stores,
			OrderManagement orders, SubscribedEndpoints subscribed) {
		this.subscribed = subscribed;
		this.stores = stores;
		this.orders = orders;
		this.webhooks = webhooks;
		this.json = json;
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void on(ShipmentStatusChanged e) {
		if (e.cause() == TransitionCause.REPLAY) {
			return;
		}
		enqueue(e.storeId(), e.storeSlug(), e.orderId(), e.orderNumber(), "shipment.status_changed", (data) -> {
			data.put("shipmentId", e.shipmentId());
			data.put("carrier", e.carrier());
			data.put("trackingNumber", e.trackingNumber());
			data.put("previousMilestone", e.fromMilestone());
			data.put("milestone", e.toMilestone());
			data.put("previousHealth", e.fromHealth());
			data.put("health", e.toHealth());
			data.put("reason", e.reason());
			data.put("statusText", e.statusText());
			data.put("location", e.statusLocation());
			data.put("estimatedDelivery", e.estimatedDelivery());
			data.put("occurredAt", e.occurredAt());
		});
	}

	@EventListener
	void on(OrderStatusChanged e) {
		enqueue(e.storeId(), e.storeSlug(), e.orderId(), e.orderNumber(), "order.status_changed", (data) -> {
			data.put("previousStatus", e.from());
			data.put("status", e.to());
			data.put("health", e.health());
		});
	}

	@EventListener
	void on(ShipmentRegistered e) {
		enqueue(e.storeId(), e.storeSlug(), e.orderId(), e.orderNumber(), "shipment.registered", (data) -> {
			data.put("shipmentId", e.shipmentId());
			data.put("carrier", e.carrier());
			data.put("trackingNumber", e.trackingNumber());
		});
	}

	/**
	 * A shopper asked for help: the topic and ids, never the shopper's words or address
	 * (personal data stays in Beacon; the console link shows them). The event carries no
	 * slug or order number, so they are read here.
	 */
	@EventListener
	void on(HelpRequested e) {
		String slug = this.stores.byId(e.storeId()).map((s) -> s.getSlug()).orElse(null);
		String number = this.orders.find(e.storeId(), e.orderId()).map(Order::getOrderNumber).orElse(null);
		enqueue(e.storeId(), slug, e.orderId(), number, "help_request.created", (data) -> {
			data.put("helpRequestId", e.helpRequestId());
			data.put("topic", e.topic());
		});
	}

	/**
	 * One delivery per endpoint of the store subscribed to {@code type}, with the
	 * envelope every payload shares ({@code id}, {@code type}, {@code createdAt},
	 * {@code data} starting with store, order id and order number). The store's endpoints
	 * are read once per transaction ({@link SubscribedEndpoints}); a store this
	 * transaction found without endpoints costs nothing more.
	 */
	private void enqueue(UUID storeId, String storeSlug, UUID orderId, String orderNumber, String type,
			Consumer<Map<String, Object>> fields) {
		if (this.subscribed.knownNone(storeId)) {
			return;
		}
		this.outbox.beforeCommit("webhooks", () -> {
			List<WebhookEndpoint> endpoints = this.subscribed.of(storeId);
			if (endpoints.isEmpty()) {
				return;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("store", storeSlug);
			data.put("orderId", orderId);
			data.put("orderNumber", orderNumber);
			fields.accept(data);
			UUID id = UUID.randomUUID();
			Map<String, Object> envelope = new LinkedHashMap<>();
			envelope.put("id", id);
			envelope.put("type", type);
			envelope.put("createdAt", this.clock.instant());
			envelope.put("data", data);
			this.webhooks.enqueue(storeId, endpoints, id, type, this.json.writeValueAsString(envelope));
		});
	}

}
