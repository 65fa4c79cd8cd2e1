package dev.beacon.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.order.TrackingLinks;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * Renders queued messages from their facts ({@link MessageFacts}) when they are sent, and
 * for the console when they are shown before that: the store's name, brand and wording as
 * they are now (kept at most {@link StoreSettings#STALENESS} per instance, as the store
 * itself), the signed order link and the unsubscribe link made now. Rows that are already
 * rendered (queued before rendering moved to the send, or handed to a provider) are left
 * as they are.
 */
@Component
class MessageComposer {

	private final MessageRenderer renderer;

	private final StoreManagement stores;

	private final StoreSettings settings;

	private final TrackingLinks links;

	private final Map<Channel, ChannelSender> senders;

	MessageComposer(MessageRenderer renderer, StoreManagement stores, StoreSettings settings, TrackingLinks links,
			List<ChannelSender> senders) {
		this.renderer = renderer;
		this.stores = stores;
		this.settings = settings;
		this.links = links;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
	}

	/**
	 * Each message rendered, in the order given; a message that cannot be rendered (its
	 * store is gone, a facts-less row) comes back with the reason instead.
	 */
	List<Composed> renderAll(List<OutboxMessage> messages) {
		List<OutboxMessage> todo = messages.stream().filter(OutboxMessage::unrendered).toList();
		if (todo.isEmpty()) {
			return messages.stream().map((m) -> new Composed(m, null)).toList();
		}
		List<UUID> storeIds = todo.stream().map(OutboxMessage::storeId).distinct().toList();
		Map<UUID, Optional<Store>> stores = new HashMap<>();
		storeIds.forEach((id) -> stores.put(id, this.stores.recentById(id)));
		Map<UUID, Map<String, Map<String, String>>> wording = this.settings.recentWordings(storeIds);
		List<Composed> composed = new ArrayList<>(messages.size());
		for (OutboxMessage m : messages) {
			if (!m.unrendered()) {
				composed.add(new Composed(m, null));
				continue;
			}
			Store store = stores.get(m.storeId()).orElse(null);
			MessageFacts facts = m.facts();
			if (store == null || facts == null) {
				composed.add(new Composed(m, (store == null) ? "the store is gone" : "the message has no facts"));
				continue;
			}
			try {
				composed
					.add(new Composed(m.rendered(render(m, facts, store, wording.getOrDefault(store.getId(), Map.of())
						.getOrDefault(m.locale().toLanguageTag(), Map.of()))), null));
			}
			catch (RuntimeException ex) {
				composed.add(new Composed(m, "cannot be rendered: " + ex.getMessage()));
			}
		}
		return composed;
	}

	private RenderedMessage render(OutboxMessage m, MessageFacts facts, Store store, Map<String, String> wording) {
		String link = (facts.link() != null) ? facts.link()
				: this.links.signedOrderPage(store.getSlug(), facts.orderNumber());
		ChannelSender sender = this.senders.get(m.channel());
		String unsubscribe = (sender != null) ? sender.unsubscribeLink(m.storeId(), m.recipient(), m.essential())
				: null;
		return this.renderer.render(
				MessageContext.of(m.trigger(), facts, store.getName(), store.getBrand(), link, unsubscribe, wording),
				m.channel(), m.locale());
	}

	/** A message rendered, or the reason it could not be ({@code message} as it was). */
	record Composed(OutboxMessage message, @Nullable String failure) {
	}

}
