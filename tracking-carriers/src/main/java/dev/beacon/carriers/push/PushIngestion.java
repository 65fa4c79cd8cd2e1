package dev.beacon.carriers.push;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.beacon.carriers.CarrierRegistry;
import dev.beacon.carriers.http.Json;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentException;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.DeliveryWindow;

/**
 * Applies verified webhook deliveries: EasyPost tracker updates and Shopify fulfillment
 * events become pushed scans of the store's shipments (Shopify fulfillments also register
 * shipments). A delivery applied once is not applied again; one that changes nothing is
 * rolled back, so a redelivery later (e.g. after the order exists) still counts.
 */
@Service
class PushIngestion {

	private static final Logger log = LoggerFactory.getLogger(PushIngestion.class);

	/** What became of a delivery. */
	enum Result {

		APPLIED, DUPLICATE, IGNORED

	}

	private final WebhookSources sources;

	private final ShipmentManagement shipments;

	private final OrderManagement orders;

	private final Clock clock;

	PushIngestion(WebhookSources sources, ShipmentManagement shipments, OrderManagement orders, Clock clock) {
		this.sources = sources;
		this.shipments = shipments;
		this.orders = orders;
		this.clock = clock;
	}

	@Transactional
	Result easyPost(UUID storeId, JsonNode event) {
		String description = Json.textOr(event, "description", "");
		if (!description.equals("tracker.updated") && !description.equals("tracker.created")) {
			return Result.IGNORED;
		}
		String eventId = Json.text(event, "id");
		if (eventId != null && !this.sources.firstDelivery("easypost", eventId, storeId)) {
			return Result.DUPLICATE;
		}
		JsonNode tracker = event.path("result");
		String number = Json.text(tracker, "tracking_code");
		if (number == null) {
			return ignore("EasyPost event " + eventId + " has no tracking_code");
		}
		String carrier = carrierCode(Json.text(tracker, "carrier"));
		List<ShipmentView> targets = this.shipments.byTrackingNumber(storeId, number)
			.stream()
			.filter((s) -> carrier == null || carrier.equals(s.carrier()))
			.toList();
		if (targets.isEmpty()) {
			return ignore("EasyPost tracker for " + number + " matches no shipment of store " + storeId);
		}
		List<RawScan> scans = new ArrayList<>();
		for (JsonNode detail : tracker.path("tracking_details")) {
			Instant at = Json.instant(Json.text(detail, "datetime"));
			String status = Json.text(detail, "status");
			if (at == null || status == null) {
				continue;
			}
			JsonNode loc = detail.path("tracking_location");
			String country = Json.text(loc, "country");
			scans.add(new RawScan("EP_" + status, Json.textOr(detail, "message", status), detail.toString(), at,
					Json.local(Json.text(detail, "datetime")), Json.offset(Json.text(detail, "datetime")),
					new ScanLocation(Json.text(loc, "city"), Json.text(loc, "state"), Json.text(loc, "zip"),
							(country != null && country.length() == 2) ? country : null),
					null));
		}
		java.time.LocalDate eta = Json.date(Json.text(tracker, "est_delivery_date"));
		DeliveryWindow estimate = (eta != null) ? new DeliveryWindow(eta, eta) : null;
		for (ShipmentView s : targets) {
			this.shipments.ingest(s.id(),
					new CarrierUpdate(scans, estimate, PollOutcome.PUSHED, "EasyPost " + description + " " + eventId),
					TransitionCause.PUSH, SourceTablesConfiguration.EASYPOST);
		}
		return Result.APPLIED;
	}

	@Transactional
	Result shopify(UUID storeId, String topic, @Nullable String eventId, JsonNode body) {
		if (eventId != null && !this.sources.firstDelivery("shopify", eventId, storeId)) {
			return Result.DUPLICATE;
		}
		return switch (topic) {
			case "fulfillments/create", "fulfillments/update" -> fulfillment(storeId, body);
			case "fulfillment_events/create" -> fulfillmentEvent(storeId, body);
			default -> ignore("Shopify topic " + topic + " is not handled");
		};
	}

	private Result fulfillment(UUID storeId, JsonNode body) {
		String fulfillmentId = Json.text(body, "id");
		Optional<Order> order = order(storeId, body);
		if (fulfillmentId == null || order.isEmpty()) {
			return ignore("Shopify fulfillment " + fulfillmentId + " names no order of store " + storeId);
		}
		Set<String> numbers = new LinkedHashSet<>();
		for (JsonNode n : body.path("tracking_numbers")) {
			if (n.isString() && !n.asString().isBlank()) {
				numbers.add(ShipmentManagement.normalizeTrackingNumber(n.asString()));
			}
		}
		String single = Json.text(body, "tracking_number");
		if (single != null) {
			numbers.add(ShipmentManagement.normalizeTrackingNumber(single));
		}
		String company = Json.text(body, "tracking_company");
		String carrier = carrierCode(company);
		String carrierName = (carrier == null) ? company : null;
		String trackingUrl = (carrier == null) ? httpsOrNull(Json.text(body, "tracking_url")) : null;
		Instant shippedAt = Json.instant(Json.text(body, "created_at"));
		String status = Json.text(body, "shipment_status");
		Instant updatedAt = Json.instant(Json.text(body, "updated_at"));
		boolean applied = false;
		for (String number : numbers) {
			ShipmentView shipment = this.shipments.byTrackingNumber(storeId, number)
				.stream()
				.filter((s) -> s.orderId().equals(order.get().getId()))
				.findFirst()
				.orElse(null);
			if (shipment == null) {
				try {
					shipment = this.shipments.register(storeId, order.get().getOrderNumber(),
							new RegisterShipment(number, carrier, null, shippedAt, carrierName, trackingUrl));
				}
				catch (ShipmentException ex) {
					log.info("Shopify fulfillment {}: cannot track {}: {}", fulfillmentId, number, ex.getMessage());
					continue;
				}
			}
			this.sources.rememberFulfillment(storeId, fulfillmentId, shipment.id());
			if (status != null) {
				RawScan scan = new RawScan("SH_" + status.toLowerCase(Locale.ROOT),
						"Shopify: " + status.replace('_', ' '), body.toString(),
						(updatedAt != null) ? updatedAt : this.clock.instant(), null, null, ScanLocation.unknown(),
						"shopify:" + fulfillmentId + ":" + status);
				this.shipments.ingest(shipment.id(),
						new CarrierUpdate(List.of(scan), null, PollOutcome.PUSHED,
								"Shopify fulfillment " + fulfillmentId),
						TransitionCause.PUSH, SourceTablesConfiguration.STORE);
			}
			applied = true;
		}
		return applied ? Result.APPLIED : ignore("Shopify fulfillment " + fulfillmentId + " has no trackable number");
	}

	private Result fulfillmentEvent(UUID storeId, JsonNode body) {
		String fulfillmentId = Json.text(body, "fulfillment_id");
		String status = Json.text(body, "status");
		Instant at = Json.instant(Json.text(body, "happened_at"));
		if (fulfillmentId == null || status == null || at == null) {
			return ignore("Shopify fulfillment event without fulfillment_id, status or happened_at");
		}
		List<UUID> ids = this.sources.shipmentsOfFulfillment(storeId, fulfillmentId);
		if (ids.isEmpty()) {
			return ignore("Shopify fulfillment " + fulfillmentId + " is not tracked in store " + storeId);
		}
		String country = Json.text(body, "country");
		RawScan scan = new RawScan("SH_" + status.toLowerCase(Locale.ROOT),
				Json.textOr(body, "message", "Shopify: " + status.replace('_', ' ')), body.toString(), at,
				Json.local(Json.text(body, "happened_at")), Json.offset(Json.text(body, "happened_at")),
				new ScanLocation(Json.text(body, "city"), Json.text(body, "province"), Json.text(body, "zip"),
						(country != null && country.length() == 2) ? country.toUpperCase(Locale.ROOT) : null),
				"shopify-event:" + Json.textOr(body, "id", fulfillmentId + ":" + status + ":" + at));
		for (UUID id : ids) {
			this.shipments.ingest(id,
					new CarrierUpdate(List.of(scan), null, PollOutcome.PUSHED, "Shopify fulfillment event"),
					TransitionCause.PUSH, SourceTablesConfiguration.STORE);
		}
		return Result.APPLIED;
	}

	private Optional<Order> order(UUID storeId, JsonNode body) {
		List<String> candidates = new ArrayList<>();
		String name = Json.text(body, "name");
		if (name != null) {
			String n = name.startsWith("#") ? name.substring(1) : name;
			int dot = n.lastIndexOf('.');
			candidates.add((dot > 0) ? n.substring(0, dot) : n);
		}
		String orderId = Json.text(body, "order_id");
		if (orderId != null) {
			candidates.add(orderId);
		}
		for (String c : candidates) {
			Optional<Order> o = this.orders.find(storeId, c);
			if (o.isPresent()) {
				return o;
			}
		}
		return Optional.empty();
	}

	private static Result ignore(String why) {
		log.info("Webhook ignored: {}", why);
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		return Result.IGNORED;
	}

	private static @Nullable String httpsOrNull(@Nullable String url) {
		return (url != null && url.startsWith("https://") && url.length() <= 500) ? url : null;
	}

	/** Beacon's code for a carrier as EasyPost or Shopify name it, or null. */
	static @Nullable String carrierCode(@Nullable String name) {
		return CarrierRegistry.codeForName(name).orElse(null);
	}

}
