package dev.beacon.app;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.beacon.admin.OrderMessages;
import dev.beacon.notify.MessageView;
import dev.beacon.notify.NotificationManagement;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;

/**
 * Bridges the console's view of messages (tracking-admin's {@link OrderMessages} port) to
 * the notification module, which the console does not depend on.
 */
@Component
class ConsoleMessages implements OrderMessages {

	private static final Logger log = LoggerFactory.getLogger(ConsoleMessages.class);

	private final NotificationManagement notifications;

	private final OrderManagement orders;

	ConsoleMessages(NotificationManagement notifications, OrderManagement orders) {
		this.notifications = notifications;
		this.orders = orders;
	}

	@Override
	public List<Message> forOrder(UUID storeId, UUID orderId) {
		String number = this.orders.find(storeId, orderId).map(Order::getOrderNumber).orElse("");
		return this.notifications.forOrder(storeId, orderId).stream().map((m) -> message(m, number)).toList();
	}

	@Override
	public boolean resend(UUID storeId, UUID orderId, UUID messageId) {
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

	@Override
	public List<Message> failed(List<UUID> storeIds, int limit) {
		return this.notifications.failed(storeIds, limit)
			.stream()
			.map((m) -> message(m, this.orders.find(m.storeId(), m.orderId()).map(Order::getOrderNumber).orElse("")))
			.toList();
	}

	private static Message message(MessageView m, String orderNumber) {
		String content = (m.subject() != null) ? m.subject() + "\n\n" + m.bodyText() : m.bodyText();
		return new Message(m.id(), m.storeId(), m.orderId(), orderNumber, m.channel().name().toLowerCase(),
				m.recipient(), m.status().name(), content, m.createdAt(), m.statusText());
	}

}
