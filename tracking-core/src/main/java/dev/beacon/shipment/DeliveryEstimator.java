package dev.beacon.shipment;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;

/**
 * Places a shipment's delivery window. Several may exist; they are asked in
 * {@code @Order} and the first answer wins. Beacon ships a simple fallback
 * ({@code FallbackDeliveryEstimator}, lowest precedence); the promise engine plugs in
 * ahead of it.
 */
public interface DeliveryEstimator {

	/** A window, or null to let the next estimator answer. */
	@Nullable DeliveryWindow estimate(EstimateRequest request);

}
