package dev.beacon.store;

/** A new store and its first API key (shown once). */
public record ProvisionedStore(Store store, String apiKey) {
}
