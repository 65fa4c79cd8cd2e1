package dev.beacon.admin.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.beacon.notify.MessageView;
import dev.beacon.notify.NotificationManagement;
import dev.beacon.order.OrderManagement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Messages sent to shoppers as the console shows them (order page, resend, the failed
 * messages queue), read from the notification module's API. Order numbers of a list are
 * read in one query.
 */
@Component
class MessageRows {

	private static final Logger log = LoggerFactory.getLogger(MessageRows.class);

	private final NotificationManagement notifications;

	private final OrderManagement orders;

	MessageRows(NotificationManagement notifications, OrderManagement orders) {
		this.notifications = notifications;
		this.orders = orders;
	}

	/** Messages sent (or attempted) for an order. */
	List<Message> forOrder(UUID storeId, UUID orderId, String orderNumber) {
		return this.notifications.forOrder(storeId, orderId).stream().map((m) -> message(m, orderNumber)).toList();
	}

	/**
	 * Queues the message again; false when it is not this order's or cannot be resent.
	 */
	boolean resend(UUID storeId, UUID orderId, UUID messageId) {
		boolean ours = this.notifications.forOrder(storeId, orderId).stream().anyMatch((m) -> m.id().equals(messageId));
		if (!ours) {
			return false;
		}
		try {
			this.notifications.resend(storeId, messageId);
			return true;
		}
		catch (RuntimeException ex) {
			log.info("Message {} not resent: {}", messageId, ex.getMessage());
			return false;
		}
	}

	/** Messages that failed for good, newest first, across the given stores. */
	List<Message> failed(List<UUID> storeIds, int limit) {
		List<MessageView> failed = this.notifications.failed(storeIds, limit);
		Map<UUID, String> numbers = this.orders.numbers(storeIds,
				failed.stream().map(MessageView::orderId).distinct().toList());
		return failed.stream().map((m) -> message(m, numbers.getOrDefault(m.orderId(), ""))).toList();
	}

	private static Message message(MessageView m, String orderNumber) {
		String content = (m.subject() != null) ? m.subject() + "\n\n" + m.bodyText() : m.bodyText();
		return new Message(m.id(), m.storeId(), m.orderId(), orderNumber, m.channel().name().toLowerCase(Locale.ROOT),
				m.recipient(), m.status().name(), content, m.createdAt(), m.statusText());
	}

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
