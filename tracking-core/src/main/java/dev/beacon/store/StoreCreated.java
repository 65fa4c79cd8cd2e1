package dev.beacon.store;

import java.util.UUID;

/** A store was provisioned. */
public record StoreCreated(UUID storeId, String slug) {
}
