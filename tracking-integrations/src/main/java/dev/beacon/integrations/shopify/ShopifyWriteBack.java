package dev.beacon.integrations.shopify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.IntegrationException;
import dev.beacon.integrations.PlatformLinks;
import dev.beacon.integrations.SyncJobs;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;

/**
 * Optional write-back (per store, {@code writeBack}): a shipment that came from a Shopify
 * fulfillment reaching a new milestone is reported to Shopify as a fulfillment event, off
 * the status-change thread. A failure is logged; the shipment's own state never depends
 * on it.
 */
@Component
class ShopifyWriteBack {

	private static final Logger log = LoggerFactory.getLogger(ShopifyWriteBack.class);

	static final String MUTATION = """
			mutation WriteBack($e: FulfillmentEventInput!) {
			  fulfillmentEventCreate(fulfillmentEvent: $e) {
			    fulfillmentEvent { id status }
			    userErrors { field message }
			  }
			}""";

	private final Connections connections;

	private final PlatformLinks links;

	private final ShopifyAdmin admin;

	private final SyncJobs jobs;

	ShopifyWriteBack(Connections connections, PlatformLinks links, ShopifyAdmin admin, SyncJobs jobs) {
		this.connections = connections;
		this.links = links;
		this.admin = admin;
		this.jobs = jobs;
	}

	@EventListener
	void on(ShipmentStatusChanged e) {
		if (e.cause() == TransitionCause.REPLAY) {
			return;
		}
		String status = status(e);
		if (status == null) {
			return;
		}
		Optional<Connection> c;
		Optional<String> fulfillment;
		try {
			c = this.connections.find(e.storeId(), Connection.SHOPIFY)
				.filter((x) -> x.active() && x.writeBack() && x.credentialsReadable());
			fulfillment = c.isPresent() ? this.links.fulfillmentOf(e.shipmentId(), Connection.SHOPIFY)
					: Optional.empty();
		}
		catch (RuntimeException ex) {
			log.warn("Shopify write-back skipped for shipment {}: {}", e.shipmentId(), ex.toString());
			return;
		}
		if (c.isEmpty() || fulfillment.isEmpty()) {
			return;
		}
		Instant at = (e.occurredAt() != null) ? e.occurredAt() : e.recordedAt();
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("fulfillmentId", "gid://shopify/Fulfillment/" + fulfillment.get());
		event.put("status", status);
		event.put("happenedAt", at.toString());
		if (e.statusText() != null) {
			event.put("message", e.statusText());
		}
		Connection connection = c.get();
		this.jobs.submit("shopify write-back " + e.shipmentId(), () -> send(connection, event));
	}

	private void send(Connection c, Map<String, Object> event) {
		try {
			JsonNode data = this.admin.query(c.account(), c.token(), MUTATION, Map.of("e", event));
			JsonNode errors = data.path("fulfillmentEventCreate").path("userErrors");
			if (!errors.isEmpty()) {
				log.info("Shopify {}: write-back refused: {}", c.account(), errors.get(0).path("message").asString(""));
			}
		}
		catch (IntegrationException ex) {
			log.info("Shopify {}: write-back failed: {}", c.account(), ex.getMessage());
		}
	}

	/**
	 * Shopify's fulfillment event status for a change, or null when there is none to
	 * report.
	 */
	static @Nullable String status(ShipmentStatusChanged e) {
		if (e.toHealth() == Health.EXCEPTION && e.fromHealth() != Health.EXCEPTION) {
			return "FAILURE";
		}
		if (!e.milestoneChanged()) {
			return null;
		}
		return switch (e.toMilestone()) {
			case IN_TRANSIT -> "IN_TRANSIT";
			case OUT_FOR_DELIVERY -> "OUT_FOR_DELIVERY";
			case DELIVERED -> "DELIVERED";
			case DELIVERY_ATTEMPTED -> "ATTEMPTED_DELIVERY";
			case AVAILABLE_FOR_PICKUP -> "READY_FOR_PICKUP";
			default -> null;
		};
	}

}
