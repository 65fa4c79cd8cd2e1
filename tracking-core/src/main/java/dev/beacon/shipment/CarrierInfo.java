package dev.beacon.shipment;

import org.jspecify.annotations.Nullable;

/**
 * One carrier of the registry.
 *
 * @param code the lower-case code shipments carry ({@code ups}, {@code canadapost})
 * @param name the name shoppers know
 * @param trackingUrlTemplate the carrier's public tracking page with {@code {number}}
 * where the tracking number goes, or null when it has none
 * @param tracking how Beacon follows it: {@code live} (a direct adapter),
 * {@code aggregator} (17TRACK or EasyPost) or {@code manual} (only what the store
 * reports)
 */
public record CarrierInfo(String code, String name, @Nullable String trackingUrlTemplate, String tracking) {
}
