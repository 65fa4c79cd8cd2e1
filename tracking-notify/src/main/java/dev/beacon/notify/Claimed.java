package dev.beacon.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Messages claimed under one lease ({@link MessageClaims#claim}), and the database's
 * clock when they were ({@link Instant#EPOCH} when none were); the suppressions of their
 * recipients (channel and address to reason) and their shipments' messages sent within a
 * day or in flight ({@code shipment:CHANNEL}), read with the claim.
 */
record Claimed(List<OutboxMessage> messages, Instant databaseNow, Map<String, String> suppressed,
		Map<String, Integer> counted) {
}
