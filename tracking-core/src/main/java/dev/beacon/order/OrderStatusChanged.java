package dev.beacon.order;

import java.util.UUID;

import dev.beacon.status.Health;

/** An order's derived status or health moved. */
public record OrderStatusChanged(UUID storeId, UUID orderId, OrderStatus from, OrderStatus to, Health health) {
}
