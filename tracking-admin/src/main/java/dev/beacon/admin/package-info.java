/**
 * The support console and ops reports (the delivery promise engine and history import
 * live in the promise module; the console shows them, and connects a store's shop through
 * the integrations module's API). Console users (roles AGENT, OPS, ADMIN) see only the
 * stores they are bound to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console and reports",
		allowedDependencies = { "common", "status", "store", "order", "shipment", "support", "promise", "carriers",
				"notify", "integrations" })
@org.jspecify.annotations.NullMarked
package dev.beacon.admin;
