/**
 * Carriers: adapters for UPS, FedEx, USPS, DHL and the sandbox carrier, tracking-number
 * detection, the poller that asks carriers for news, and inbound carrier webhooks. The
 * module API is {@link dev.beacon.carriers.CarrierManagement}; everything in sub-packages
 * is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Carriers",
		allowedDependencies = { "common", "retention", "status", "store", "order", "shipment", "support" })
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers;
