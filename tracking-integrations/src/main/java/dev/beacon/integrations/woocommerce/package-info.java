/** WooCommerce: REST connection, webhooks, order backfill. */
@org.jspecify.annotations.NullMarked
package dev.beacon.integrations.woocommerce;
