/**
 * Delivery promises: learns business-day transit distributions per lane from the store's
 * delivery history and promises windows at the store's target reliability. Owns
 * {@code delivery_history} (fed by history imports and by core's
 * {@link dev.beacon.shipment.ShipmentDelivered}), places shipments' windows through
 * core's {@link dev.beacon.shipment.DeliveryEstimator} SPI, and answers
 * {@code GET /api/v1/promise}. The history import
 * ({@code POST /api/v1/imports/shipments}, the {@code import} command) runs on core's
 * import jobs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery promises",
		allowedDependencies = { "common", "status", "store", "order", "shipment", "imports" })
@org.jspecify.annotations.NullMarked
package dev.beacon.promise;
