/**
 * Consent shared by the channels: shopper preferences, SMS consent, suppressions, inbound
 * keyword dedup, address normalization and the opaque one-click unsubscribe links.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.notify.consent;
