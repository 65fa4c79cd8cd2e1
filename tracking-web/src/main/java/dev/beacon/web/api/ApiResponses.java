package dev.beacon.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Address;
import dev.beacon.order.Order;
import dev.beacon.order.OrderDetails;
import dev.beacon.order.OrderItem;
import dev.beacon.order.SmsConsent;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;

/**
 * Response bodies of the public API. Field names are a contract; extend, never rename.
 */
final class ApiResponses {

	private ApiResponses() {
	}

	record OrderResponse(UUID id, String orderNumber, String status, String health, String trackingUrl,
			Instant placedAt, @Nullable LocalDate promisedBy, CustomerResponse customer, Address destination,
			Address origin, List<OrderItem> items, List<ShipmentResponse> shipments, Instant createdAt,
			Instant updatedAt, @Nullable Instant cancelledAt, @Nullable Instant personalDataErasedAt) {

		static OrderResponse of(OrderDetails o, String trackingUrl, List<ShipmentView> shipments) {
			var c = o.customer();
			SmsConsent consent = o.smsConsent();
			return new OrderResponse(o.id(), o.orderNumber(), o.status().name(), o.health().name(), trackingUrl,
					o.placedAt(), o.promisedBy(),
					new CustomerResponse(c.name(), c.email(), c.phone(), c.locale(),
							(consent != null) ? consent.consented() : null,
							(consent != null) ? new ConsentResponse(consent.source(), consent.at()) : null),
					o.destination(), o.origin(), o.items(), shipments.stream().map(ShipmentResponse::of).toList(),
					o.createdAt(), o.updatedAt(), o.cancelledAt(), o.personalDataErasedAt());
		}

	}

	record CustomerResponse(@Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable String locale, @Nullable Boolean smsConsent, @Nullable ConsentResponse smsConsentRecorded) {
	}

	record ConsentResponse(String source, Instant at) {
	}

	record OrderSummary(UUID id, String orderNumber, String status, String health, Instant placedAt,
			@Nullable LocalDate promisedBy, String trackingUrl, Instant createdAt) {

		static OrderSummary of(Order o, String trackingUrl) {
			return new OrderSummary(o.getId(), o.getOrderNumber(), o.getStatus().name(), o.getHealth().name(),
					o.getPlacedAt(), o.getPromisedBy(), trackingUrl, o.getCreatedAt());
		}

	}

	record OrderList(List<OrderSummary> items, @Nullable String nextCursor) {
	}

	record WindowResponse(LocalDate earliest, LocalDate latest) {

		static @Nullable WindowResponse of(@Nullable DeliveryWindow w) {
			return (w != null) ? new WindowResponse(w.earliest(), w.latest()) : null;
		}

	}

	/**
	 * A shipment: {@code carrier} is a registry code, or null for a carrier outside the
	 * registry; {@code carrierName} is always set; {@code trackingUrl} is the carrier's
	 * public page when known.
	 */
	record ShipmentResponse(UUID id, UUID orderId, @Nullable String carrier, String trackingNumber,
			@Nullable String service, @Nullable Instant shippedAt, String milestone, String health,
			@Nullable String reason, boolean actionRequired, @Nullable String statusText,
			@Nullable WindowResponse estimatedDelivery, @Nullable Instant deliveredAt, @Nullable Instant lastEventAt,
			@Nullable PollResponse lastPoll, List<EventResponse> events, String carrierName,
			@Nullable String trackingUrl, @Nullable String source) {

		static ShipmentResponse of(ShipmentView s) {
			return new ShipmentResponse(s.id(), s.orderId(), s.carrierCode(), s.trackingNumber(), s.service(),
					s.shippedAt(), s.milestone().name(), s.health().name(),
					(s.reason() != null) ? s.reason().name() : null, s.actionRequired(), s.statusText(),
					WindowResponse.of(s.estimatedDelivery()), s.deliveredAt(), s.lastEventAt(),
					(s.lastPolledAt() != null && s.lastPollOutcome() != null)
							? new PollResponse(s.lastPolledAt(), s.lastPollOutcome().name(), s.lastPollDetail()) : null,
					s.events().stream().map(EventResponse::of).toList(), s.carrierName(), s.trackingUrl(), s.source());
		}

	}

	record PollResponse(Instant at, String outcome, @Nullable String detail) {
	}

	record EventResponse(Instant occurredAt, @Nullable String milestone, String description, String location,
			String rawCode) {

		static EventResponse of(ScanView e) {
			return new EventResponse(e.occurredAt(), (e.milestone() != null) ? e.milestone().name() : null,
					e.description(), e.location().label(), e.rawCode());
		}

	}

	record StoreCreatedResponse(UUID id, String slug, String apiKey) {
	}

	record CandidateResponse(String carrier, @Nullable String service, double confidence) {
	}

	record DetectResponse(List<CandidateResponse> candidates) {
	}

	/**
	 * A carrier of the registry; {@code tracking} is {@code live}, {@code aggregator} or
	 * {@code manual}.
	 */
	record CarrierResponse(String code, String name, @Nullable String trackingUrlTemplate, String tracking) {
	}

	record CarrierList(List<CarrierResponse> items) {
	}

}
