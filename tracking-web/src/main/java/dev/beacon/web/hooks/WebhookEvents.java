package dev.beacon.web.hooks;

import java.time.Clock;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.beacon.common.OutboxWrites;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderStatusChanged;
import dev.beacon.shipment.ShipmentRegistered;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.StoreManagement;
import dev.beacon.support.HelpRequested;

/**
 * Turns core's events into webhook deliveries. Runs inside the transaction that changed
 * the status and writes through {@link OutboxWrites#guarded}, so a delivery exists if and
 * only if the change committed, and a failed write never undoes the change (ADR 0004).
 * Replayed transitions are not sent.
 */
@Component
class WebhookEvents {

	private final StoreWebhooks webhooks;

	private final OrderManagement orders;

	private final StoreManagement stores;

	private final JsonMapper json;

	private final OutboxWrites outbox;

	private final Clock clock;

	WebhookEvents(StoreWebhooks webhooks, OrderManagement orders, StoreManagement stores, JsonMapper json,
			OutboxWrites outbox, Clock clock) {
		this.webhooks = webhooks;
		this.orders = orders;
		this.stores = stores;
		this.json = json;
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void on(ShipmentStatusChanged e) {
		this.outbox.guarded("webhooks", () -> enqueue(e));
	}

	private void enqueue(ShipmentStatusChanged e) {
		if (e.cause() == TransitionCause.REPLAY) {
			return;
		}
		List<WebhookEndpoint> endpoints = this.webhooks.endpoints(e.storeId());
		if (endpoints.isEmpty()) {
			return;
		}
		Map<String, Object> data = base(e.storeId(), e.orderId());
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
		send(e.storeId(), endpoints, "shipment.status_changed", data);
	}

	@EventListener
	void on(OrderStatusChanged e) {
		this.outbox.guarded("webhooks", () -> enqueue(e));
	}

	private void enqueue(OrderStatusChanged e) {
		List<WebhookEndpoint> endpoints = this.webhooks.endpoints(e.storeId());
		if (endpoints.isEmpty()) {
			return;
		}
		Map<String, Object> data = base(e.storeId(), e.orderId());
		data.put("previousStatus", e.from());
		data.put("status", e.to());
		data.put("health", e.health());
		send(e.storeId(), endpoints, "order.status_changed", data);
	}

	@EventListener
	void on(ShipmentRegistered e) {
		this.outbox.guarded("webhooks", () -> enqueue(e));
	}

	private void enqueue(ShipmentRegistered e) {
		List<WebhookEndpoint> endpoints = this.webhooks.endpoints(e.storeId());
		if (endpoints.isEmpty()) {
			return;
		}
		Map<String, Object> data = base(e.storeId(), e.orderId());
		data.put("shipmentId", e.shipmentId());
		data.put("carrier", e.carrier());
		data.put("trackingNumber", e.trackingNumber());
		send(e.storeId(), endpoints, "shipment.registered", data);
	}

	@EventListener
	void on(HelpRequested e) {
		this.outbox.guarded("webhooks", () -> enqueue(e));
	}

	/**
	 * A shopper asked for help: the topic and ids, never the shopper's words or address
	 * (personal data stays in Beacon; the console link shows them).
	 */
	private void enqueue(HelpRequested e) {
		List<WebhookEndpoint> endpoints = this.webhooks.endpoints(e.storeId());
		if (endpoints.isEmpty()) {
			return;
		}
		Map<String, Object> data = base(e.storeId(), e.orderId());
		data.put("helpRequestId", e.helpRequestId());
		data.put("topic", e.topic());
		send(e.storeId(), endpoints, "help_request.created", data);
	}

	private Map<String, Object> base(UUID storeId, UUID orderId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("store", this.stores.byId(storeId).map((s) -> s.getSlug()).orElse(null));
		data.put("orderId", orderId);
		data.put("orderNumber", this.orders.find(storeId, orderId).map(Order::getOrderNumber).orElse(null));
		return data;
	}

	private void send(UUID storeId, List<WebhookEndpoint> endpoints, String type, Map<String, Object> data) {
		UUID id = UUID.randomUUID();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", id);
		envelope.put("type", type);
		envelope.put("createdAt", this.clock.instant());
		envelope.put("data", data);
		String payload = this.json.writeValueAsString(envelope);
		this.webhooks.enqueue(storeId, endpoints, id, type, payload);
	}

}
