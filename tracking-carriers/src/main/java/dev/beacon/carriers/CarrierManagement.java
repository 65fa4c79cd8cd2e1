package dev.beacon.carriers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.beacon.carriers.accounts.CarrierAccounts;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.push.WebhookSources;
import dev.beacon.shipment.CarrierInfo;
import dev.beacon.store.StoreManagement;

/**
 * The carriers module's API for other modules (the console): which carriers are
 * configured and how their connections are doing.
 */
@Service
public class CarrierManagement {

	private final Map<String, CarrierAdapter> adapters;

	private final WebhookSources webhooks;

	private final StoreManagement stores;

	private final CarrierAccounts accounts;

	CarrierManagement(List<CarrierAdapter> adapters, WebhookSources webhooks, StoreManagement stores,
			CarrierAccounts accounts) {
		this.stores = stores;
		this.accounts = accounts;
		this.adapters = adapters.stream().collect(Collectors.toMap(CarrierAdapter::code, Function.identity()));
		this.webhooks = webhooks;
	}

	/**
	 * Connects an EasyPost webhook (signed with {@code secret}, the webhook secret set in
	 * EasyPost) to a store. Answers the webhook path to configure in EasyPost.
	 */
	public String connectEasyPost(UUID storeId, String secret) {
		String slug = this.stores.byId(storeId)
			.orElseThrow(() -> new IllegalArgumentException("no store " + storeId))
			.getSlug();
		this.webhooks.connect(storeId, "easypost", slug, secret);
		return "/webhooks/carriers/easypost/" + slug;
	}

	/**
	 * A store's own accounts, one line per carrier that takes one (never a secret).
	 */
	public List<CarrierAccount> accounts(UUID storeId) {
		return this.accounts.list(storeId);
	}

	/**
	 * Saves a store's own account with a carrier (the credential fields by name, see
	 * {@link CarrierAccount#fields()}). Throws {@link CarrierAccountException} for an
	 * unknown carrier or a bad field, {@code SecretsKeyMissingException} when it cannot
	 * be stored encrypted.
	 */
	public CarrierAccount saveAccount(UUID storeId, String carrier, Map<String, ?> fields) {
		return this.accounts.save(storeId, carrier, fields);
	}

	/** Deletes a store's own account; false when it had none. */
	public boolean deleteAccount(UUID storeId, String carrier) {
		return this.accounts.delete(storeId, carrier);
	}

	/** "Test connection" of a store's own account: {@code ok} or a coarse category. */
	public CarrierAccount.TestResult testAccount(UUID storeId, String carrier) {
		return this.accounts.test(storeId, carrier);
	}

	/** Every carrier of the registry, in a stable order (THE carrier list). */
	public List<CarrierInfo> registry() {
		return CarrierRegistry.all();
	}

	/** One line per carrier tracked live (a direct adapter), in a stable order. */
	public List<CarrierStatus> status() {
		List<CarrierStatus> out = new ArrayList<>();
		for (CarrierInfo c : CarrierRegistry.all()) {
			CarrierAdapter a = this.adapters.get(c.code());
			if (a == null) {
				if (CarrierRegistry.LIVE.equals(c.tracking())) {
					out.add(new CarrierStatus(c.code(), c.name(), false, null, null, null, "no adapter installed"));
				}
				continue;
			}
			String note = a.configured() ? "polled"
					: "not polled: set " + credentialsHint(c.code()) + " (or a store's own account)";
			out.add(new CarrierStatus(c.code(), c.name(), a.configured(), a.circuitState(), a.lastError(),
					a.lastErrorAt(), note));
		}
		return out;
	}

	static String credentialsHint(String carrier) {
		return "dhl".equals(carrier) ? "beacon.carriers.dhl.api-key"
				: "beacon.carriers." + carrier + ".client-id and beacon.carriers." + carrier + ".client-secret";
	}

}
