package dev.beacon.support;

import java.util.UUID;

/** A shopper (or an agent on their behalf) asked for help about an order. */
public record HelpRequested(UUID storeId, UUID orderId, UUID helpRequestId, HelpTopic topic,
		String contactEmailOrNull) {
}
