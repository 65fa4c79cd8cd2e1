/**
 * The shopper-facing web: the public REST API for store backends ({@code api}), the
 * branded tracking page ({@code page}) and outbound webhooks to store backends
 * ({@code hooks}, reacting to core's events through {@code OutboxWrites}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web (tracking page and public API)",
		allowedDependencies = { "common", "retention", "status", "store", "order", "shipment", "support" })
@org.jspecify.annotations.NullMarked
package dev.beacon.web;
