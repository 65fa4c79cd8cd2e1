package dev.beacon.integrations.woocommerce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Reads WooCommerce's REST order (the same shape its webhooks deliver), the Shipment
 * Tracking extension's {@code _wc_shipment_tracking_items} meta and the core fulfillments
 * resource. Nothing WooCommerce-shaped leaves this package.
 */
final class WooPayloads {

	private WooPayloads() {
	}

	/** The order, or null when unusable. */
	static @Nullable SyncedOrder order(JsonNode o, String trackingMetaKey, JsonMapper json) {
		String id = text(o, "id");
		String number = Shoppers.orderNumber(first(o, "number", "id"));
		Instant placedAt = instant(first(o, "date_created_gmt", "date_created"));
		if (id == null || number == null || placedAt == null) {
			return null;
		}
		JsonNode billing = o.path("billing");
		JsonNode shipping = o.path("shipping");
		boolean ships = text(shipping, "country") != null || text(shipping, "postcode") != null
				|| text(shipping, "city") != null;
		JsonNode dest = ships ? shipping : billing;
		String name = Shoppers.name(text(billing, "first_name"), text(billing, "last_name"));
		if (name == null) {
			name = Shoppers.name(text(shipping, "first_name"), text(shipping, "last_name"));
		}
		String phone = (text(billing, "phone") != null) ? text(billing, "phone") : text(shipping, "phone");
		List<OrderItem> items = new ArrayList<>();
		for (JsonNode line : o.path("line_items")) {
			String title = text(line, "name");
			if (title != null && items.size() < 500) {
				items.add(new OrderItem(Text.cut(text(line, "sku"), 64), Text.cut(title, 300),
						Math.max(1, integer(line, "quantity", 1))));
			}
		}
		String status = text(o, "status");
		return new SyncedOrder(Connection.WOOCOMMERCE, id, number, placedAt,
				Shoppers.customer(name, text(billing, "email"), phone, null),
				Shoppers.address(text(dest, "postcode"), text(dest, "city"), text(dest, "state"),
						text(dest, "country")),
				items, instant(first(o, "date_modified_gmt", "date_modified")),
				"cancelled".equals(status) || "refunded".equals(status), tracking(o, trackingMetaKey, json));
	}

	/** Shipment Tracking items in the order's meta (value as array or JSON text). */
	static List<SyncedOrder.SyncedShipment> tracking(JsonNode o, String metaKey, JsonMapper json) {
		List<SyncedOrder.SyncedShipment> out = new ArrayList<>();
		for (JsonNode meta : o.path("meta_data")) {
			if (!metaKey.equals(text(meta, "key"))) {
				continue;
			}
			JsonNode value = meta.path("value");
			if (value.isString()) {
				try {
					value = json.readTree(value.asString());
				}
				catch (RuntimeException ex) {
					continue;
				}
			}
			for (JsonNode item : value) {
				String number = text(item, "tracking_number");
				if (number == null) {
					continue;
				}
				String provider = first(item, "custom_tracking_provider", "tracking_provider");
				out.add(new SyncedOrder.SyncedShipment(first(item, "tracking_id"), number, provider,
						https(text(item, "custom_tracking_link")), epochOrIso(text(item, "date_shipped")), null, null));
			}
		}
		return out;
	}

	/**
	 * The tracking of WooCommerce core fulfillments ({@code /orders/{id}/fulfillments}).
	 */
	static List<SyncedOrder.SyncedShipment> fulfillments(JsonNode list) {
		List<SyncedOrder.SyncedShipment> out = new ArrayList<>();
		for (JsonNode f : list) {
			if (text(f, "date_deleted") != null) {
				continue;
			}
			String number = null;
			String provider = null;
			String url = null;
			for (JsonNode meta : f.path("meta_data")) {
				String key = text(meta, "key");
				if ("_tracking_number".equals(key)) {
					number = text(meta, "value");
				}
				else if ("_shipping_provider".equals(key)) {
					provider = text(meta, "value");
				}
				else if ("_tracking_url".equals(key)) {
					url = text(meta, "value");
				}
			}
			if (number != null) {
				out.add(new SyncedOrder.SyncedShipment("fulfillment-" + text(f, "id"), number, provider, https(url),
						instant(text(f, "date_updated")), null, null));
			}
		}
		return out;
	}

	private static @Nullable Instant epochOrIso(@Nullable String value) {
		if (value == null) {
			return null;
		}
		if (value.matches("\\d{9,11}")) {
			return Instant.ofEpochSecond(Long.parseLong(value));
		}
		Instant iso = instant(value);
		return (iso != null) ? iso : instant(value + "T00:00:00");
	}

	private static @Nullable String https(@Nullable String url) {
		return (url != null && url.startsWith("https://") && url.length() <= 500) ? url : null;
	}

}
