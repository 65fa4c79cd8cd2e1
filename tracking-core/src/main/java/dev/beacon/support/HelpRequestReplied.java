package dev.beacon.support;

import java.util.UUID;

/** An agent replied to a help request (the reply goes to the shopper by email). */
public record HelpRequestReplied(UUID storeId, UUID orderId, UUID helpRequestId, UUID replyId) {
}
