package dev.beacon.order;

import java.util.UUID;

import dev.beacon.status.Health;

/**
 * An order's derived status or health moved. Carries the store's slug and the order's
 * number for listeners (webhooks).
 */
public record OrderStatusChanged(UUID storeId, UUID orderId, OrderStatus from, OrderStatus to, Health health,
		String storeSlug, String orderNumber) {
}
