package dev.beacon.web.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.web.api.ApiResponses.StoreCreatedResponse;
import dev.beacon.web.api.OrderRequests.CreateStore;

/** Operators provision stores (needs the operator key, beacon.operator.api-key). */
@RestController
@RequestMapping("/api/v1/stores")
@Tag(name = "Stores (operator)")
class StoresApiController {

	private final StoreManagement stores;

	StoresApiController(StoreManagement stores) {
		this.stores = stores;
	}

	@PostMapping
	@Operation(summary = "Provision a store; its API key is shown only in this response")
	ResponseEntity<StoreCreatedResponse> create(@Valid @RequestBody CreateStore body) {
		ProvisionedStore p = this.stores
			.provision(new NewStore(body.name(), body.slug(), body.defaultLocale(), body.timeZone()));
		return ResponseEntity.created(URI.create("/t/" + p.store().getSlug()))
			.body(new StoreCreatedResponse(p.store().getId(), p.store().getSlug(), p.apiKey()));
	}

}
