/**
 * Shopify: custom-app and public-app connections, webhooks, GraphQL backfill, write-back.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.integrations.shopify;
