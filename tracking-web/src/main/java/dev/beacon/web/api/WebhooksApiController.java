package dev.beacon.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.store.StorePrincipal;
import dev.beacon.web.hooks.StoreWebhooks;

/** Store backends subscribe to status changes (outbound, signed webhooks). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
class WebhooksApiController {

	record Subscribe(@NotBlank @Size(max = 500) String url, @Nullable List<@NotBlank String> events) {
	}

	record EndpointResponse(UUID id, String url, List<String> events, Instant createdAt, @Nullable String secret) {
	}

	private final StoreWebhooks webhooks;

	WebhooksApiController(StoreWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	@Operation(summary = "Subscribe an endpoint",
			description = "Events: shipment.status_changed, order.status_changed, shipment.registered (default all). "
					+ "The signing secret is shown only in this response.")
	ResponseEntity<EndpointResponse> subscribe(@AuthenticationPrincipal StorePrincipal store,
			@Valid @RequestBody Subscribe body) {
		var e = this.webhooks.register(store.storeId(), body.url(),
				(body.events() != null) ? body.events() : List.of());
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + e.id()))
			.body(new EndpointResponse(e.id(), e.url(), e.events(), e.createdAt(), e.secret()));
	}

	@GetMapping
	@Operation(summary = "The store's endpoints (without secrets)")
	List<EndpointResponse> list(@AuthenticationPrincipal StorePrincipal store) {
		return this.webhooks.endpoints(store.storeId())
			.stream()
			.map((e) -> new EndpointResponse(e.id(), e.url(), e.events(), e.createdAt(), null))
			.toList();
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "Recent deliveries to an endpoint, newest first")
	List<Map<String, Object>> deliveries(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id,
			@RequestParam(defaultValue = "50") int limit) {
		this.webhooks.endpoint(store.storeId(), id).orElseThrow(ApiNotFound::new);
		return this.webhooks.deliveries(store.storeId(), id, limit);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Unsubscribe an endpoint (pending deliveries are cancelled)")
	ResponseEntity<Void> remove(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id) {
		if (!this.webhooks.remove(store.storeId(), id)) {
			throw new ApiNotFound();
		}
		return ResponseEntity.noContent().build();
	}

}
