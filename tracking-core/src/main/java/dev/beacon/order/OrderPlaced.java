package dev.beacon.order;

import java.util.UUID;

/** A store recorded a new order. */
public record OrderPlaced(UUID storeId, UUID orderId, String orderNumber, boolean test) {
}
