package dev.beacon.carriers.accounts;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.carriers.CarrierAccount;
import dev.beacon.carriers.CarrierAccountException;
import dev.beacon.store.StorePrincipal;

/**
 * A store's own carrier accounts, with its API key ({@code /api/**}'s bearer chain): list
 * (never a secret), save, delete and "test connection".
 */
@RestController
@RequestMapping("/api/v1/carrier-accounts")
class CarrierAccountsController {

	private final CarrierAccounts accounts;

	CarrierAccountsController(CarrierAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	Map<String, List<CarrierAccount>> list(@AuthenticationPrincipal StorePrincipal store) {
		return Map.of("items", this.accounts.list(store.storeId()));
	}

	@PutMapping("/{carrier}")
	CarrierAccount save(@AuthenticationPrincipal StorePrincipal store, @PathVariable String carrier,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		return this.accounts.save(store.storeId(), carrier, body);
	}

	@DeleteMapping("/{carrier}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal StorePrincipal store, @PathVariable String carrier) {
		if (!this.accounts.delete(store.storeId(), carrier)) {
			throw CarrierAccountException.notFound("no " + carrier + " account saved for this store");
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{carrier}/test")
	Map<String, Object> test(@AuthenticationPrincipal StorePrincipal store, @PathVariable String carrier) {
		CarrierAccount.TestResult r = this.accounts.test(store.storeId(), carrier);
		return Map.of("carrier", r.carrier(), "ok", r.ok(), "result", r.result(), "testedAt", r.testedAt());
	}

}
