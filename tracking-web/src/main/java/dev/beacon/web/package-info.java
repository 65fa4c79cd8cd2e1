/**
 * The shopper-facing web: the public REST API for store backends ({@code api}) and the
 * branded tracking page ({@code page}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web (tracking page and public API)",
		allowedDependencies = { "common", "retention", "status", "store", "order", "shipment", "support" })
@org.jspecify.annotations.NullMarked
package dev.beacon.web;
