package dev.beacon.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.common.SupportedLocales;
import dev.beacon.order.OrderItem;
import dev.beacon.order.TrackingLinks;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.Recipients;
import dev.beacon.notify.consent.UnsubscribeTokens;

/**
 * The notification module's API (for the console and the tracking page). Every call is
 * scoped by store.
 */
@Service
public class NotificationManagement {

	private static final int MAX_WORDING = 2000;

	private final Messages messages;

	private final StoreSettings settings;

	private final Consents consents;

	private final MessageRenderer renderer;

	private final StoreManagement stores;

	private final TrackingLinks links;

	private final UnsubscribeTokens unsubscribe;

	private final MessageComposer composer;

	private final Clock clock;

	NotificationManagement(Messages messages, StoreSettings settings, Consents consents, MessageRenderer renderer,
			StoreManagement stores, TrackingLinks links, UnsubscribeTokens unsubscribe, MessageComposer composer,
			Clock clock) {
		this.messages = messages;
		this.settings = settings;
		this.consents = consents;
		this.renderer = renderer;
		this.stores = stores;
		this.links = links;
		this.unsubscribe = unsubscribe;
		this.composer = composer;
		this.clock = clock;
	}

	/** Every message of an order, oldest first, whatever its status. */
	@Transactional(readOnly = true)
	public List<MessageView> forOrder(UUID storeId, UUID orderId) {
		return views(this.messages.forOrder(storeId, orderId));
	}

	/**
	 * Dead letters, uncertain deliveries and messages waiting for a retry, newest first.
	 */
	@Transactional(readOnly = true)
	public List<MessageView> failed(List<UUID> storeIds, int limit) {
		return views(this.messages.failed(storeIds, Math.max(1, Math.min(limit, 500))));
	}

	/**
	 * As the console shows them: a message not sent yet, queued unrendered, is rendered
	 * as it would go now (the store's current wording and brand, the facts it was queued
	 * with); one handed to a provider shows the words handed over.
	 */
	private List<MessageView> views(List<OutboxMessage> rows) {
		return this.composer.renderAll(rows).stream().map((c) -> {
			OutboxMessage m = c.message();
			return (c.failure() != null) ? m
				.rendered(new RenderedMessage(m.trigger(), m.channel(), m.locale(), null,
						"(not shown: " + c.failure() + ")", null, 0))
				.view() : m.view();
		}).toList();
	}

	/**
	 * Sends a finished message again as a new message (same text, new id), e.g. after a
	 * dead letter or when a shopper says it never arrived. Suppression and consent still
	 * apply.
	 * @throws NotificationException when there is no such message in this store or it is
	 * still queued or being sent
	 */
	@Transactional
	public MessageView resend(UUID storeId, UUID messageId) {
		OutboxMessage m = this.messages.find(storeId, messageId)
			.orElseThrow(() -> new NotificationException("messageId", "no message " + messageId + " in this store"));
		if (!m.status().isFinal()) {
			throw new NotificationException("messageId",
					"the message is still " + m.status().name().toLowerCase(Locale.ROOT));
		}
		int n = this.messages.countResends(m.original()) + 1;
		OutboxMessage copy = m.resend(n, this.clock.instant());
		this.messages.insert(copy);
		return views(List.of(copy)).get(0);
	}

	/** The message as a shopper would get it, with sample order data. */
	@Transactional(readOnly = true)
	public RenderedMessage preview(UUID storeId, String trigger, String channel, Locale locale) {
		Store store = this.stores.byId(storeId)
			.orElseThrow(() -> new NotificationException("storeId", "no such store"));
		String[] parts = trigger.strip().split("\\.", 2);
		Trigger t = Trigger.parse(parts[0]);
		String variant = (parts.length > 1) ? parts[1] : sampleVariant(t);
		Channel c = Channel.parse(channel);
		Locale resolved = MessageRenderer.resolveLocale(locale.toLanguageTag(), store.getDefaultLocale());
		LocalDate today = this.clock.instant().atZone(store.getTimeZone()).toLocalDate();
		DeliveryWindow window = (t == Trigger.ARRIVING_TOMORROW)
				? new DeliveryWindow(today.plusDays(1), today.plusDays(1))
				: new DeliveryWindow(today.plusDays(2), today.plusDays(3));
		MessageContext ctx = new MessageContext(t, variant, store.getName(), store.getBrand(), "Alex", "1042",
				List.of(new OrderItem("SKU-1", "Linen shirt", 1), new OrderItem("SKU-2", "Canvas tote", 2)), "UPS",
				"1Z999AA10123456784", window, "Memphis, TN, US", sampleStatus(variant), today.minusDays(5),
				this.links.signedOrderPage(store.getSlug(), "1042"),
				t.isEssential() ? null : this.unsubscribe.url(storeId, "alex@example.com"),
				this.settings.wordings(List.of(storeId))
					.getOrDefault(storeId, Map.of())
					.getOrDefault(resolved.toLanguageTag(), Map.of()));
		return this.renderer.render(ctx, c, resolved);
	}

	private static @Nullable String sampleVariant(Trigger t) {
		return (t == Trigger.EXCEPTION) ? "address" : null;
	}

	private static String sampleStatus(@Nullable String variant) {
		return "neighbour".equals(variant) ? "Delivered to neighbour at no. 12" : "Exception: address incomplete";
	}

	@Transactional(readOnly = true)
	public NotificationSettings settings(UUID storeId) {
		return this.settings.load(storeId);
	}

	/**
	 * Replaces a store's settings. Channels not mentioned keep their current choice;
	 * wording keys must exist in the bundles and name a supported locale.
	 */
	@Transactional
	public NotificationSettings updateSettings(UUID storeId, NotificationSettings update) {
		this.stores.byId(storeId).orElseThrow(() -> new NotificationException("storeId", "no such store"));
		if (update.fromAddress() != null && Recipients.email(update.fromAddress()) == null) {
			throw new NotificationException("fromAddress", "fromAddress must be an email address");
		}
		if (update.replyTo() != null && Recipients.email(update.replyTo()) == null) {
			throw new NotificationException("replyTo", "replyTo must be an email address");
		}
		if (update.fromName() != null && (update.fromName().isBlank() || update.fromName().length() > 120
				|| update.fromName().matches(".*[\\r\\n<>\"].*"))) {
			throw new NotificationException("fromName", "fromName must be 1 to 120 characters without line breaks");
		}
		if (update.maxPerShipmentPerDay() != null
				&& (update.maxPerShipmentPerDay() < 1 || update.maxPerShipmentPerDay() > 20)) {
			throw new NotificationException("maxPerShipmentPerDay", "maxPerShipmentPerDay must be between 1 and 20");
		}
		Map<Trigger, Set<Channel>> channels = new EnumMap<>(this.settings.load(storeId).channels());
		update.channels()
			.forEach((t, set) -> channels.put(t, set.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(set)));
		Map<String, String> wording = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : update.wording().entrySet()) {
			String[] parts = e.getKey().split(":", 2);
			boolean localeOk = parts.length == 2 && SupportedLocales.isSupported(parts[0]);
			if (!localeOk || !this.renderer.hasKey(parts[1])) {
				throw new NotificationException("wording",
						"wording key '" + e.getKey() + "' must be <locale>:<message key>, e.g. en:shipped.headline");
			}
			String text = e.getValue().strip();
			if (text.length() > MAX_WORDING) {
				throw new NotificationException("wording",
						"wording texts are limited to " + MAX_WORDING + " characters");
			}
			if (!text.isEmpty()) {
				wording.put(e.getKey(), text);
			}
		}
		if ((update.quietStart() == null) != (update.quietEnd() == null)) {
			throw new NotificationException("quietHours", "quiet hours need both a start and an end");
		}
		NotificationSettings clean = new NotificationSettings(blankToNull(update.fromName()),
				blankToNull(update.fromAddress()), blankToNull(update.replyTo()), update.maxPerShipmentPerDay(),
				channels, wording, update.quietStart(), update.quietEnd());
		this.settings.save(storeId, clean, this.clock.instant());
		return this.settings.load(storeId);
	}

	@Transactional(readOnly = true)
	public ShopperPreferences preferences(UUID storeId, String email) {
		String e = requireEmail(email);
		return this.consents.preferences(storeId, e);
	}

	@Transactional
	public ShopperPreferences updatePreferences(UUID storeId, String email, ShopperPreferences preferences) {
		String e = requireEmail(email);
		this.consents.savePreferences(storeId, e, preferences, this.clock.instant());
		return preferences;
	}

	/**
	 * Records a shopper's SMS consent (e.g. "text me updates" on the tracking page, or an
	 * agent noting a phone consent). {@code phone} must be in E.164 form (+15551234567).
	 */
	@Transactional
	public void recordSmsConsent(UUID storeId, String phone, boolean consented, String source) {
		String p = Recipients.phone(phone);
		if (p == null) {
			throw new NotificationException("phone", "phone must be an E.164 number such as +15551234567");
		}
		this.consents.recordConsent(storeId, p, consented, source.length() > 40 ? source.substring(0, 40) : source,
				this.clock.instant());
	}

	@Transactional(readOnly = true)
	public boolean hasSmsConsent(UUID storeId, String phone) {
		String p = Recipients.phone(phone);
		return p != null && this.consents.smsConsent(storeId, p);
	}

	private static String requireEmail(String email) {
		String e = Recipients.email(email);
		if (e == null) {
			throw new NotificationException("email", "email must be an email address");
		}
		return e;
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
