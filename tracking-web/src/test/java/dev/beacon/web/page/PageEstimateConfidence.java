package dev.beacon.web.page;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.beacon.shipment.EstimateConfidence;
import dev.beacon.status.DeliveryWindow;

/**
 * The page tests' stand-in for the promise module's stated windows: a test states a
 * confidence for a shipment's window; any other window has none (as in the module).
 */
class PageEstimateConfidence implements EstimateConfidence {

	private final Map<UUID, Map.Entry<DeliveryWindow, Stated>> stated = new ConcurrentHashMap<>();

	void state(UUID shipmentId, DeliveryWindow window, Stated stated) {
		this.stated.put(shipmentId, Map.entry(window, stated));
	}

	@Override
	public Optional<Stated> stated(UUID shipmentId, DeliveryWindow window) {
		return Optional.ofNullable(this.stated.get(shipmentId))
			.filter((e) -> e.getKey().equals(window))
			.map(Map.Entry::getValue);
	}

}
