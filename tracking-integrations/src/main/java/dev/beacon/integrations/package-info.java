/**
 * Store platforms: a store connects its Shopify shop or WooCommerce site, Beacon
 * subscribes its webhooks there, imports recent orders, and keeps orders, shipments and
 * statuses in step from the platform's webhooks. Platform payloads are read in the
 * {@code shopify} and {@code woocommerce} sub-packages and handed to
 * {@link dev.beacon.integrations.OrderSync} as platform-neutral
 * {@link dev.beacon.integrations.SyncedOrder}s; orders and shipments are changed only
 * through core's management services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations",
		allowedDependencies = { "common", "status", "store", "order", "shipment", "imports" })
@org.jspecify.annotations.NullMarked
package dev.beacon.integrations;
