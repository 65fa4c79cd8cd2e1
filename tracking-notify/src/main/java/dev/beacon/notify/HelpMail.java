package dev.beacon.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.beacon.common.OutboxWrites;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.support.HelpReply;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.HelpRequestReplied;
import dev.beacon.support.HelpRequested;
import dev.beacon.support.SupportManagement;

import dev.beacon.notify.consent.Recipients;

/**
 * Help by email, both ways. A shopper's help request reaches the store: an email to the
 * store's support address ({@link StoreSettings#supportAddress}), branded, with the
 * order, the topic, the shopper's words and a link to the order in the console. An
 * agent's reply reaches the shopper (Reply-To: the support address). Both go through the
 * outbox like every message (retries, console view) but are due at once: no coalescing
 * hold, no quiet hours, no daily cap, and no store switch (they are conversations, not
 * notifications).
 */
@Component
class HelpMail {

	private static final Logger log = LoggerFactory.getLogger(HelpMail.class);

	private final Messages messages;

	private final StoreSettings settings;

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final SupportManagement support;

	private final TrackingLinks links;

	private final NotifyProperties properties;

	private final OutboxWrites outboxWrites;

	private final Clock clock;

	HelpMail(Messages messages, StoreSettings settings, StoreManagement stores, OrderManagement orders,
			SupportManagement support, TrackingLinks links, NotifyProperties properties, OutboxWrites outboxWrites,
			Clock clock) {
		this.messages = messages;
		this.settings = settings;
		this.stores = stores;
		this.orders = orders;
		this.support = support;
		this.links = links;
		this.properties = properties;
		this.outboxWrites = outboxWrites;
		this.clock = clock;
	}

	@EventListener
	void on(HelpRequested e) {
		if (this.properties.enabled()) {
			this.outboxWrites.guarded("notify: help forwarded", () -> forward(e));
		}
	}

	private void forward(HelpRequested e) {
		Asked asked = asked(e.storeId(), e.orderId(), e.helpRequestId());
		if (asked == null) {
			return;
		}
		Store store = asked.store();
		Order order = asked.order();
		HelpRequest request = asked.request();
		String to = this.settings.supportAddress(store);
		if (to == null) {
			log.warn("Help request {} for order {} of store {} reaches nobody: the store has no support email",
					request.getId(), order.getOrderNumber(), store.getSlug());
			return;
		}
		Locale locale = store.getDefaultLocale();
		String topic = request.getTopic().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		queue(Trigger.HELP_FORWARDED, store, order, request.getId().toString(), to, locale, store.getTimeZone(), topic,
				request.getMessage(), consoleLink(order), request.getCreatedAt());
	}

	@EventListener
	void on(HelpRequestReplied e) {
		if (this.properties.enabled()) {
			this.outboxWrites.guarded("notify: help replied", () -> reply(e));
		}
	}

	private void reply(HelpRequestReplied e) {
		Asked asked = asked(e.storeId(), e.orderId(), e.helpRequestId());
		Store store = (asked != null) ? asked.store() : null;
		Order order = (asked != null) ? asked.order() : null;
		HelpRequest request = (asked != null) ? asked.request() : null;
		HelpReply reply = (request != null) ? this.support.replies(e.storeId(), request.getId())
			.stream()
			.filter((r) -> r.getId().equals(e.replyId()))
			.findFirst()
			.orElse(null) : null;
		if (store == null || order == null || request == null || reply == null) {
			return;
		}
		String to = Recipients.email(request.getContactEmail());
		if (to == null) {
			to = Recipients.email(order.getCustomer().email());
		}
		if (to == null) {
			log.warn("Reply {} to help request {} reaches nobody: no email address", reply.getId(), request.getId());
			return;
		}
		Locale locale = MessageRenderer.resolveLocale(order.getCustomer().locale(), store.getDefaultLocale());
		queue(Trigger.HELP_REPLIED, store, order, reply.getId().toString(), to, locale,
				ShopperZones.of(order.getDestination(), store.getTimeZone()), null, reply.getText(), null,
				reply.getCreatedAt());
	}

	private void queue(Trigger trigger, Store store, Order order, String subjectId, String to, Locale locale,
			ZoneId zone, @Nullable String topic, String words, @Nullable String link, Instant at) {
		MessageFacts facts = new MessageFacts(null, "", null, null, topic, words, null, order.getCustomer().firstName(),
				order.getOrderNumber(), List.copyOf(order.getItems()), link);
		Instant now = this.clock.instant();
		OutboxMessage row = OutboxMessage.queued(
				new OutboxMessage.Draft(store.getId(), order.getId(), null, subjectId + ":" + trigger.name(), to, zone,
						trigger, Channel.EMAIL, locale, facts, true, at),
				now, Duration.ZERO, now.plus(Duration.ofDays(2)));
		this.messages.insert(row);
	}

	/** The console's view of the order (the agent replies from there). */
	String consoleLink(Order order) {
		return this.links.baseUrl() + "/console/orders/" + order.getId();
	}

	/** The store, order and help request an event names, or null when any is gone. */
	private @Nullable Asked asked(UUID storeId, UUID orderId, UUID helpRequestId) {
		Store store = this.stores.byId(storeId).orElse(null);
		Order order = (store != null) ? this.orders.find(storeId, orderId).orElse(null) : null;
		HelpRequest request = (order != null) ? this.support.forOrder(storeId, orderId)
			.stream()
			.filter((r) -> r.getId().equals(helpRequestId))
			.findFirst()
			.orElse(null) : null;
		return (request != null) ? new Asked(store, order, request) : null;
	}

	private record Asked(Store store, Order order, HelpRequest request) {
	}

}
