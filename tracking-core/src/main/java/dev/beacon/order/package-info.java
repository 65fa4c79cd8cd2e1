/**
 * Orders: what the shopper bought, where it goes, what was promised, and the order's
 * status derived from its shipments. Also owns the links shoppers follow to their order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders",
		allowedDependencies = { "common", "retention", "status", "store" })
@org.jspecify.annotations.NullMarked
package dev.beacon.order;
