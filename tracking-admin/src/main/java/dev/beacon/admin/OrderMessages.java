package dev.beacon.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The console's view of messages sent to shoppers. tracking-admin does not depend on the
 * notification module: the app provides an implementation (bridging to its
 * NotificationManagement) and the order view, the resend action and the failed-messages
 * queue light up. Without one, the console says that messaging is not installed.
 */
public interface OrderMessages {

	/** Messages sent (or attempted) for an order, newest first. */
	List<Message> forOrder(UUID storeId, UUID orderId);

	/** Queues the message again; false when it cannot be resent. */
	boolean resend(UUID storeId, UUID orderId, UUID messageId);

	/** Messages that failed for good, newest first, across the given stores. */
	List<Message> failed(List<UUID> storeIds, int limit);

	/**
	 * One message.
	 *
	 * @param channel "email" or "sms"
	 * @param status e.g. SENT, DELIVERED, FAILED, QUEUED
	 * @param content the text (or subject and text) as sent
	 * @param detail why it failed, when it did
	 */
	record Message(UUID id, UUID storeId, UUID orderId, String orderNumber, String channel, String recipient,
			String status, String content, Instant createdAt, @Nullable String detail) {
	}

}
