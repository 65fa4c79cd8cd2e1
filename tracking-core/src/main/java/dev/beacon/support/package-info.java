/**
 * Shopper help requests ("where is it?", "damaged", "not received"), raised on the
 * tracking page or by an agent, handled in the console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support",
		allowedDependencies = { "common", "retention", "status", "order", "store" })
@org.jspecify.annotations.NullMarked
package dev.beacon.support;
