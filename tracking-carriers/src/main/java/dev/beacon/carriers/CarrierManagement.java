package dev.beacon.carriers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

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

	CarrierManagement(List<CarrierAdapter> adapters, WebhookSources webhooks, StoreManagement stores) {
		this.stores = stores;
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
			String note = a.configured() ? "polled" : "not polled: set " + credentialsHint(c.code());
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
