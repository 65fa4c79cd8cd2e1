/**
 * Shipments and their immutable raw scans; the normalizer that reads scans into the
 * three-axis status; the status engine ({@code ShipmentTracking}: ingest, recompute,
 * expiry, replay) behind the module API {@link dev.beacon.shipment.ShipmentManagement};
 * transitions and their events, which carry what listeners need (store slug, order
 * number, the shipment's state) so they need not read back. Carrier adapters, estimators
 * and the carrier directory meet this module through the small interfaces it owns:
 * {@link dev.beacon.shipment.CarrierPolling},
 * {@link dev.beacon.shipment.CarrierDirectory},
 * {@link dev.beacon.shipment.DeliveryEstimator} and
 * {@link dev.beacon.shipment.MappingTable}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shipments",
		allowedDependencies = { "common", "retention", "status", "order", "store" })
@org.jspecify.annotations.NullMarked
package dev.beacon.shipment;
