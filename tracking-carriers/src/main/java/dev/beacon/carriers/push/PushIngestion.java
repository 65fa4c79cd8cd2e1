package dev.beacon.carriers.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.DeliveryWindow;

/**
 * Applies verified webhook deliveries: EasyPost tracker updates become pushed scans of
 * the store's shipments. A delivery applied once is not applied again; one that changes
 * nothing is rolled back, so a redelivery later still counts. (Shopify's webhooks belong
 * to the integrations module.)
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

	PushIngestion(WebhookSources sources, ShipmentManagement shipments) {
		this.sources = sources;
		this.shipments = shipments;
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
		List<UUID> targets = this.shipments.idsByTrackingNumber(storeId, number, carrier);
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
		for (UUID id : targets) {
			this.shipments.ingest(id,
					new CarrierUpdate(scans, estimate, PollOutcome.PUSHED, "EasyPost " + description + " " + eventId),
					TransitionCause.PUSH, SourceTablesConfiguration.EASYPOST);
		}
		return Result.APPLIED;
	}

	private static Result ignore(String why) {
		log.info("Webhook ignored: {}", why);
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		return Result.IGNORED;
	}

	/** Beacon's code for a carrier as EasyPost names it, or null. */
	static @Nullable String carrierCode(@Nullable String name) {
		return CarrierRegistry.codeForName(name).orElse(null);
	}

}
