package dev.beacon.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.CarrierDirectory;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.Recipients;

/**
 * Turns news into outbox rows, one per channel, in the caller's transaction (the one that
 * changed the status). Rows keep what decides their words ({@link MessageFacts}: the
 * event's facts and the order's details as they are now) and are rendered when they are
 * sent ({@link MessageComposer}), so the status change pays for no rendering; they are
 * keyed for idempotency, and coalesced: a shipment's newer pending message replaces an
 * older one still waiting out the hold window, unless the older one matters more.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final Set<Trigger> SAME_DAY = Set.of(Trigger.OUT_FOR_DELIVERY, Trigger.ARRIVING_TOMORROW,
			Trigger.DELIVERY_ATTEMPTED);

	private static final Duration HELP_ACK_EVERY = Duration.ofHours(1);

	private final Messages messages;

	private final StoreSettings settings;

	private final Consents consents;

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final Map<Channel, ChannelSender> senders;

	private final CarrierDirectory carriers;

	private final NotifyProperties properties;

	private final Clock clock;

	Outbox(Messages messages, StoreSettings settings, Consents consents, StoreManagement stores, OrderManagement orders,
			List<ChannelSender> senders, CarrierDirectory carriers, NotifyProperties properties, Clock clock) {
		this.messages = messages;
		this.settings = settings;
		this.consents = consents;
		this.stores = stores;
		this.orders = orders;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.carriers = carriers;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Writes the messages for this news; joins the caller's transaction. A failure here
	 * must never doom the caller's status change: the exception does not mark the shared
	 * transaction rollback-only ({@code noRollbackFor}); the caller's savepoint undoes
	 * notify's own writes instead.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = RuntimeException.class)
	void enqueue(News news) {
		Store store = this.stores.recentById(news.storeId()).orElse(null);
		Order order = (store != null) ? this.orders.find(news.storeId(), news.orderId()).orElse(null) : null;
		if (store == null || order == null) {
			return;
		}
		if (order.isCancelled() && news.trigger() != Trigger.ORDER_CANCELLED) {
			return; // a cancelled order's shopper is told nothing more
		}
		Instant now = this.clock.instant();
		if (news.trigger() == Trigger.HELP_RECEIVED
				&& this.messages.queuedWithin(order.getId(), Trigger.HELP_RECEIVED, HELP_ACK_EVERY)) {
			return; // one acknowledgement per order per hour, however many requests
		}
		Set<Channel> channels = this.settings.recentChannels(store.getId(), news.trigger());
		if (channels.isEmpty()) {
			return;
		}
		String email = Recipients.email(order.getCustomer().email());
		ShopperPreferences prefs = (email != null) ? this.consents.preferences(store.getId(), email)
				: ShopperPreferences.defaults();
		Locale locale = MessageRenderer.resolveLocale(order.getCustomer().locale(), store.getDefaultLocale());
		ZoneId zone = ShopperZones.of(order.getDestination(), store.getTimeZone());
		MessageFacts facts = facts(news, order);
		for (Channel channel : channels) {
			ChannelSender sender = this.senders.get(channel);
			String recipient = (sender != null) ? sender.recipient(order, news, prefs) : null;
			if (recipient == null) {
				continue;
			}
			UUID subject = (news.shipmentId() != null) ? news.shipmentId() : news.orderId();
			String key = subject + ":" + news.trigger().name() + ":" + channel.name()
					+ (news.discriminator().isEmpty() ? "" : ":" + news.discriminator());
			Duration hold = news.trigger().isShipmentLevel() ? this.properties.holdWindow() : Duration.ZERO;
			OutboxMessage row = OutboxMessage.queued(
					new OutboxMessage.Draft(store.getId(), order.getId(), news.shipmentId(), key, recipient, zone,
							news.trigger(), channel, locale, facts, news.trigger().isEssential(), news.transitionAt()),
					now, hold, staleAfter(news, zone, now));
			boolean queued;
			if (news.shipmentId() == null) {
				queued = this.messages.insert(row);
			}
			else {
				// inserted with the shipment's other pending messages read in the same
				// statement
				Optional<List<Messages.Pending>> pending = this.messages.insertWithPending(row);
				pending.ifPresent((p) -> coalesce(row, p));
				queued = pending.isPresent();
			}
			if (queued) {
				log.debug("Queued {} {} for order {} ({})", news.trigger(), channel, order.getOrderNumber(), key);
			}
		}
	}

	/** Newest wins, unless the pending one is more important. */
	private void coalesce(OutboxMessage fresh, List<Messages.Pending> pendingOfShipment) {
		for (Messages.Pending pending : pendingOfShipment) {
			if (pending.priority() > fresh.priority()) {
				this.messages.supersede(fresh.id(),
						"not sent: a more important pending update (" + label(pending.trigger()) + ") goes instead");
				return;
			}
			this.messages.supersede(pending.id(),
					"not sent: superseded by a newer update (" + label(fresh.trigger()) + ")");
		}
	}

	private static String label(Trigger t) {
		return t.key().replace('_', ' ');
	}

	/**
	 * When the news is stale: the end of the shopper's day (a business time, by the app's
	 * clock in the shopper's zone) or two days on. The row stores the span from
	 * {@code now} to it on the database's clock ({@link Messages#insert}).
	 */
	private static Instant staleAfter(News news, ZoneId zone, Instant now) {
		if (SAME_DAY.contains(news.trigger())) {
			return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		}
		return now.plus(Duration.ofDays(2));
	}

	/** The event's facts and the order's details, as they are now. */
	private MessageFacts facts(News news, Order order) {
		String carrier = (news.carrier() != null) ? carrierName(news.carrier()) : "";
		return new MessageFacts(news.variant(), carrier, news.trackingNumber(), news.window(), news.location(),
				news.statusText(), news.lastScan(), order.getCustomer().firstName(), order.getOrderNumber(),
				List.copyOf(order.getItems()), null);
	}

	private String carrierName(String code) {
		return this.carriers.displayName(code);
	}

}
