/**
 * The shopper's branded tracking page under {@code /t/{storeSlug}}: order lookup with
 * proof of ownership, signed links, the order with its shipments, and the help form.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.web.page;
