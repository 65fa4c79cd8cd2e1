package dev.beacon.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The console's view of carriers and push integrations. tracking-admin does not depend on
 * the carriers module: the app provides an implementation (bridging to its
 * CarrierManagement). Without one, the console says that carriers are not installed.
 */
public interface CarrierConnections {

	/**
	 * One line per carrier Beacon knows: configured or not, circuit state, last error.
	 */
	List<CarrierLine> carriers();

	/**
	 * Connects a Shopify shop to a store; answers the webhook path to configure in
	 * Shopify.
	 * @throws IllegalArgumentException when the domain or secret is not acceptable
	 */
	String connectShopify(UUID storeId, String shopDomain, String secret);

	/**
	 * Connects EasyPost webhooks to a store; answers the webhook path to configure.
	 * @throws IllegalArgumentException when the secret is not acceptable
	 */
	String connectEasyPost(UUID storeId, String secret);

	/** A carrier as the console shows it. */
	record CarrierLine(String carrier, String displayName, boolean configured, @Nullable String circuitState,
			@Nullable String lastError, @Nullable Instant lastErrorAt, String note) {
	}

}
