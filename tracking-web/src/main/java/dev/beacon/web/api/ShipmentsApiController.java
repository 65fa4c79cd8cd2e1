package dev.beacon.web.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.StorePrincipal;
import dev.beacon.web.api.ApiResponses.CandidateResponse;
import dev.beacon.web.api.ApiResponses.CarrierList;
import dev.beacon.web.api.ApiResponses.CarrierResponse;
import dev.beacon.web.api.ApiResponses.DetectResponse;
import dev.beacon.web.api.ApiResponses.ShipmentResponse;
import dev.beacon.web.api.OrderRequests.CorrectCarrier;

/** Shipments of the calling store, and carrier detection. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Shipments")
class ShipmentsApiController {

	private final ShipmentManagement shipments;

	ShipmentsApiController(ShipmentManagement shipments) {
		this.shipments = shipments;
	}

	@GetMapping("/shipments/{id}")
	@Operation(summary = "A shipment with its events (newest first)")
	ShipmentResponse get(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id) {
		return ShipmentResponse.of(this.shipments.get(store.storeId(), id));
	}

	@PostMapping("/shipments/{id}/refresh")
	@Operation(summary = "Ask the carrier now and answer the updated shipment")
	ShipmentResponse refresh(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id) {
		return ShipmentResponse.of(this.shipments.refresh(store.storeId(), id));
	}

	@PatchMapping("/shipments/{id}")
	@Operation(summary = "Pin or correct a shipment's carrier; the shipment is polled again at once")
	ShipmentResponse correct(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id,
			@Valid @RequestBody CorrectCarrier body) {
		return ShipmentResponse.of(this.shipments.correctCarrier(store.storeId(), id, body.carrier()));
	}

	@DeleteMapping("/shipments/{id}")
	@Operation(summary = "Remove a shipment added by mistake",
			description = "The order's status is derived again without it; no message or webhook is sent for "
					+ "the removal and the tracking page no longer shows it. 404 for an unknown id, a shipment "
					+ "already removed or another store's shipment.")
	ResponseEntity<Void> remove(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id) {
		this.shipments.remove(store.storeId(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/carriers")
	@Operation(summary = "The carrier registry: every code a shipment may carry",
			description = "tracking is live (a direct adapter), aggregator (17TRACK or EasyPost) or manual (only what "
					+ "the store reports); trackingUrlTemplate has {number} where the tracking number goes.")
	CarrierList carriers() {
		return new CarrierList(this.shipments.carriers()
			.stream()
			.map((c) -> new CarrierResponse(c.code(), c.name(), c.trackingUrlTemplate(), c.tracking()))
			.toList());
	}

	@GetMapping("/carriers/detect")
	@Operation(summary = "Which carriers a tracking number may belong to, best first",
			description = "Format and check digit are both checked; spaces and dashes are ignored.")
	DetectResponse detect(@RequestParam @NotBlank @Size(max = 60) String trackingNumber) {
		return new DetectResponse(this.shipments.detect(trackingNumber)
			.stream()
			.map((c) -> new CandidateResponse(c.carrier(), c.service(), c.confidence()))
			.toList());
	}

}
