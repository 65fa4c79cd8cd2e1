package dev.beacon.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.notify.consent.Consents;

/**
 * What a claimed message must pass before its provider is called, in this order: the
 * channel is configured, the recipient is not suppressed and the channel does not refuse
 * it (consent, preferences), the news is not stale, the channel does not hold it back
 * (SMS quiet hours), and the shipment's daily cap is not reached. Each can end the
 * message or hold it; none calls anyone.
 */
@Component
class DeliveryChecks {

	/** Action and final news that a daily cap must not swallow. */
	private static final Set<Trigger> UNCAPPED = EnumSet.of(Trigger.DELIVERED, Trigger.EXCEPTION,
			Trigger.DELIVERY_ATTEMPTED, Trigger.AVAILABLE_FOR_PICKUP, Trigger.HELP_RECEIVED, Trigger.ORDER_CONFIRMED);

	private final Consents consents;

	private final StoreSettings settings;

	private final Messages messages;

	private final NotifyProperties properties;

	DeliveryChecks(Consents consents, StoreSettings settings, Messages messages, NotifyProperties properties) {
		this.consents = consents;
		this.settings = settings;
		this.messages = messages;
		this.properties = properties;
	}

	/** Why the message does not go now, or null when it may go. */
	@Nullable Verdict check(OutboxMessage m, ChannelSender sender, Instant now) {
		if (!sender.configured()) {
			return new End(Ending.notConfigured());
		}
		String blocked = blocked(sender, m);
		if (blocked != null) {
			return new End(Ending.suppressed(blocked));
		}
		if (m.staleAfter() != null && now.isAfter(m.staleAfter())) {
			return new End(Ending.expired("stale by the time it could go"));
		}
		ChannelSender.Hold hold = sender.hold(m, now);
		if (hold != null) {
			if (m.staleAfter() != null && hold.until().isAfter(m.staleAfter())) {
				return new End(Ending.expired(hold.reason() + " last until after the news is stale"));
			}
			return new Hold("held: " + hold.reason() + " until " + hold.until().atZone(m.zone()).toLocalTime() + " ("
					+ m.zone().getId() + ")", hold.until());
		}
		if (m.shipmentId() != null && !UNCAPPED.contains(m.trigger())) {
			Integer storeCap = this.settings.maxPerShipmentPerDay(m.storeId());
			int cap = (storeCap != null) ? storeCap : this.properties.maxPerShipmentPerDay();
			if (this.messages.sentSince(m.shipmentId(), m.channel(), now.minus(Duration.ofDays(1)), m.id()) >= cap) {
				return new End(Ending.skipped(cap));
			}
		}
		return null;
	}

	/** Why this recipient must not get it, or null. */
	private @Nullable String blocked(ChannelSender sender, OutboxMessage m) {
		String suppressed = this.consents.suppression(m.channel(), m.recipient()).orElse(null);
		return (suppressed != null) ? suppressed : sender.refusal(m);
	}

	/** Not now: the message ends ({@link End}) or waits ({@link Hold}). */
	sealed interface Verdict permits End, Hold {

	}

	record End(Ending ending) implements Verdict {
	}

	record Hold(String reason, Instant until) implements Verdict {
	}

}
