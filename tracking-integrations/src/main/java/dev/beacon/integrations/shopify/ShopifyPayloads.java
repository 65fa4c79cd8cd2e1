package dev.beacon.integrations.shopify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.beacon.common.Text;
import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Shoppers;
import dev.beacon.integrations.SyncedOrder;
import dev.beacon.order.OrderItem;

import static dev.beacon.common.JsonFields.first;
import static dev.beacon.common.JsonFields.instant;
import static dev.beacon.common.JsonFields.integer;
import static dev.beacon.common.JsonFields.text;

/**
 * Reads Shopify's payloads: the REST-shaped order and fulfillment of webhooks, and the
 * GraphQL order nodes of the backfill. Nothing Shopify-shaped leaves this package.
 */
final class ShopifyPayloads {

	private ShopifyPayloads() {
	}

	/** A webhook order ({@code orders/create|updated|cancelled}), or null if unusable. */
	static @Nullable SyncedOrder order(JsonNode o) {
		String id = text(o, "id");
		String number = Shoppers.orderNumber(first(o, "name", "order_number"));
		Instant placedAt = instant(text(o, "created_at"));
		if (id == null || number == null || placedAt == null) {
			return null;
		}
		JsonNode customer = o.path("customer");
		JsonNode ship = o.path("shipping_address");
		String name = Shoppers.name(text(customer, "first_name"), text(customer, "last_name"));
		if (name == null) {
			name = first(ship, "name");
		}
		String email = first(o, "email", "contact_email");
		if (email == null) {
			email = text(customer, "email");
		}
		String phone = text(o, "phone");
		if (phone == null) {
			phone = (text(customer, "phone") != null) ? text(customer, "phone") : text(ship, "phone");
		}
		List<OrderItem> items = new ArrayList<>();
		for (JsonNode line : o.path("line_items")) {
			String title = first(line, "title", "name");
			if (title != null && items.size() < 500) {
				items.add(new OrderItem(Text.cut(text(line, "sku"), 64), Text.cut(title, 300),
						Math.max(1, integer(line, "quantity", 1))));
			}
		}
		List<SyncedOrder.SyncedShipment> shipments = new ArrayList<>();
		for (JsonNode f : o.path("fulfillments")) {
			shipments.addAll(fulfillment(f));
		}
		return new SyncedOrder(Connection.SHOPIFY, id, number, placedAt,
				Shoppers.customer(name, email, phone, text(o, "customer_locale")),
				Shoppers.address(text(ship, "zip"), text(ship, "city"), text(ship, "province_code"),
						text(ship, "country_code")),
				items, instant(text(o, "updated_at")), text(o, "cancelled_at") != null, shipments);
	}

	/** The parcels of a REST fulfillment (one per tracking number). */
	static List<SyncedOrder.SyncedShipment> fulfillment(JsonNode f) {
		String fulfillmentId = text(f, "id");
		String status = text(f, "status");
		if ("cancelled".equals(status) || "failure".equals(status) || "error".equals(status)) {
			return List.of();
		}
		Set<String> numbers = new LinkedHashSet<>();
		for (JsonNode n : f.path("tracking_numbers")) {
			if (n.isString() && !n.asString().isBlank()) {
				numbers.add(n.asString().strip());
			}
		}
		String single = text(f, "tracking_number");
		if (single != null && numbers.isEmpty()) {
			numbers.add(single);
		}
		List<String> urls = new ArrayList<>();
		for (JsonNode u : f.path("tracking_urls")) {
			urls.add(u.asString());
		}
		String company = text(f, "tracking_company");
		Instant shippedAt = instant(text(f, "created_at"));
		String shipmentStatus = text(f, "shipment_status");
		Instant updatedAt = instant(text(f, "updated_at"));
		List<SyncedOrder.SyncedShipment> out = new ArrayList<>();
		int i = 0;
		for (String number : numbers) {
			String url = (i < urls.size()) ? urls.get(i) : text(f, "tracking_url");
			out.add(new SyncedOrder.SyncedShipment(fulfillmentId, number, company, httpsOrNull(url), shippedAt,
					shipmentStatus, updatedAt));
			i++;
		}
		return out;
	}

	/** A GraphQL order node of the backfill query, or null if unusable. */
	static @Nullable SyncedOrder graphqlOrder(JsonNode o) {
		String id = numericId(text(o, "id"));
		String number = Shoppers.orderNumber(text(o, "name"));
		Instant placedAt = instant(text(o, "createdAt"));
		if (id == null || number == null || placedAt == null) {
			return null;
		}
		JsonNode ship = o.path("shippingAddress");
		JsonNode customer = o.path("customer");
		String name = Shoppers.name(text(customer, "firstName"), text(customer, "lastName"));
		if (name == null) {
			name = text(ship, "name");
		}
		String phone = (text(o, "phone") != null) ? text(o, "phone") : text(ship, "phone");
		List<OrderItem> items = new ArrayList<>();
		for (JsonNode line : o.path("lineItems").path("nodes")) {
			String title = first(line, "title", "name");
			if (title != null) {
				items.add(new OrderItem(Text.cut(text(line, "sku"), 64), Text.cut(title, 300),
						Math.max(1, integer(line, "quantity", 1))));
			}
		}
		List<SyncedOrder.SyncedShipment> shipments = new ArrayList<>();
		for (JsonNode f : o.path("fulfillments")) {
			String fid = numericId(text(f, "id"));
			String status = text(f, "status");
			if ("CANCELLED".equals(status) || "FAILURE".equals(status) || "ERROR".equals(status)) {
				continue;
			}
			for (JsonNode t : f.path("trackingInfo")) {
				String tracking = text(t, "number");
				if (tracking != null) {
					shipments.add(new SyncedOrder.SyncedShipment(fid, tracking, text(t, "company"),
							httpsOrNull(text(t, "url")), instant(text(f, "createdAt")), null, null));
				}
			}
		}
		return new SyncedOrder(Connection.SHOPIFY, id, number, placedAt,
				Shoppers.customer(name, text(o, "email"), phone, text(o, "customerLocale")),
				Shoppers.address(text(ship, "zip"), text(ship, "city"), text(ship, "provinceCode"),
						text(ship, "countryCodeV2")),
				items, instant(text(o, "updatedAt")), text(o, "cancelledAt") != null, shipments);
	}

	/**
	 * The order number a fulfillment's {@code name} ("#1042.1") names, for orders the
	 * store created in Beacon before connecting.
	 */
	static @Nullable String orderNumberOf(JsonNode fulfillment) {
		String name = text(fulfillment, "name");
		if (name == null) {
			return null;
		}
		int dot = name.lastIndexOf('.');
		return Shoppers.orderNumber((dot > 0) ? name.substring(0, dot) : name);
	}

	/**
	 * {@code gid://shopify/Order/123} -> {@code 123} (REST ids and GraphQL ids agree).
	 */
	static @Nullable String numericId(@Nullable String gid) {
		if (gid == null) {
			return null;
		}
		int slash = gid.lastIndexOf('/');
		return (slash >= 0) ? gid.substring(slash + 1) : gid;
	}

	static @Nullable String httpsOrNull(@Nullable String url) {
		return (url != null && url.startsWith("https://") && url.length() <= 500) ? url : null;
	}

}
