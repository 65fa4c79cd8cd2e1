package dev.beacon.integrations.woocommerce;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.IntegrationsProperties;
import dev.beacon.integrations.OrderSync;
import dev.beacon.integrations.PlatformLinks;
import dev.beacon.integrations.SyncedOrder;

import static dev.beacon.common.JsonFields.text;

/** Applies one verified WooCommerce delivery with its de-duplication record. */
@Service
class WooWebhooks {

	private static final Logger log = LoggerFactory.getLogger(WooWebhooks.class);

	/** What became of a delivery. */
	enum Result {

		APPLIED, DUPLICATE, IGNORED

	}

	private final PlatformLinks links;

	private final OrderSync orders;

	private final IntegrationsProperties properties;

	private final JsonMapper json;

	WooWebhooks(PlatformLinks links, OrderSync orders, IntegrationsProperties properties, JsonMapper json) {
		this.links = links;
		this.orders = orders;
		this.properties = properties;
		this.json = json;
	}

	@Transactional
	Result handle(Connection c, String topic, @Nullable String deliveryId, JsonNode body) {
		if (deliveryId != null && !this.links.firstDelivery(Connection.WOOCOMMERCE, deliveryId, c.storeId())) {
			return Result.DUPLICATE;
		}
		switch (topic) {
			case "order.created", "order.updated", "order.restored" -> {
				SyncedOrder order = WooPayloads.order(body, this.properties.woocommerce().trackingMetaKey(), this.json);
				if (order == null) {
					return ignore("WooCommerce order without id, number or date_created_gmt");
				}
				this.orders.apply(c.storeId(), order);
				return Result.APPLIED;
			}
			case "order.deleted" -> {
				String id = text(body, "id");
				if (id == null || !this.orders.cancel(c.storeId(), Connection.WOOCOMMERCE, id, null)) {
					return ignore("WooCommerce order " + id + " is not known");
				}
				return Result.APPLIED;
			}
			default -> {
				return ignore("WooCommerce topic " + topic + " is not handled");
			}
		}
	}

	private static Result ignore(String why) {
		log.info("WooCommerce webhook ignored: {}", why);
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		return Result.IGNORED;
	}

}
