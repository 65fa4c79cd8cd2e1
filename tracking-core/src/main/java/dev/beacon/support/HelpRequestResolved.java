package dev.beacon.support;

import java.util.UUID;

/** Support closed a help request. */
public record HelpRequestResolved(UUID storeId, UUID orderId, UUID helpRequestId) {
}
