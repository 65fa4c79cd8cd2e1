package dev.beacon.app;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.beacon.admin.CarrierConnections;
import dev.beacon.carriers.CarrierManagement;

/**
 * Bridges the console's view of carriers and push integrations (tracking-admin's
 * {@link CarrierConnections} port) to the carriers module, which the console does not
 * depend on.
 */
@Component
class ConsoleCarriers implements CarrierConnections {

	private final CarrierManagement carriers;

	ConsoleCarriers(CarrierManagement carriers) {
		this.carriers = carriers;
	}

	@Override
	public List<CarrierLine> carriers() {
		return this.carriers.status()
			.stream()
			.map((c) -> new CarrierLine(c.carrier(), c.displayName(), c.configured(), c.circuitState(), c.lastError(),
					c.lastErrorAt(), c.note()))
			.toList();
	}

	@Override
	public String connectShopify(UUID storeId, String shopDomain, String secret) {
		return this.carriers.connectShopify(storeId, shopDomain, secret);
	}

	@Override
	public String connectEasyPost(UUID storeId, String secret) {
		return this.carriers.connectEasyPost(storeId, secret);
	}

}
