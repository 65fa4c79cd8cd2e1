package dev.beacon.order;

import java.time.Instant;
import java.util.UUID;

/**
 * A store cancelled an order: its shipments are no longer polled and its shopper is told
 * nothing more (except the optional "order cancelled" message).
 */
public record OrderCancelled(UUID storeId, UUID orderId, String orderNumber, String source, Instant cancelledAt) {
}
