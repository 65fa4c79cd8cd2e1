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
 * <p>
 * Two clocks, each for what it decides: whether the news is stale, how long a hold lasts
 * in the outbox and the daily cap's window are the database's clock (the one that wrote
 * {@code stale_after} and {@code sent_at}); whether it is quiet hours in the shopper's
 * zone, and the local time shown for their end, are business times of the app's
 * {@link java.time.Clock}. A hold is stored as the span until quiet hours end, so it
 * lasts as long on either clock.
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

	/**
	 * Why the message does not go now, or null when it may go.
	 * @param now the app's clock: the shopper's local time (quiet hours)
	 * @param databaseNow the database's clock: staleness and the daily cap
	 */
	@Nullable Verdict check(OutboxMessage m, ChannelSender sender, Instant now, Instant databaseNow) {
		if (!sender.configured()) {
			return new End(Ending.notConfigured());
		}
		String blocked = blocked(sender, m);
		if (blocked != null) {
			return new End(Ending.suppressed(blocked));
		}
		if (m.staleAfter() != null && databaseNow.isAfter(m.staleAfter())) {
			return new End(Ending.expired("stale by the time it could go"));
		}
		ChannelSender.Hold hold = sender.hold(m, now);
		if (hold != null) {
			Duration wait = Duration.between(now, hold.until());
			if (m.staleAfter() != null && databaseNow.plus(wait).isAfter(m.staleAfter())) {
				return new End(Ending.expired(hold.reason() + " last until after the news is stale"));
			}
			return new Hold("held: " + hold.reason() + " until " + hold.until().atZone(m.zone()).toLocalTime() + " ("
					+ m.zone().getId() + ")", wait);
		}
		if (m.shipmentId() != null && !UNCAPPED.contains(m.trigger())) {
			Integer storeCap = this.settings.maxPerShipmentPerDay(m.storeId());
			int cap = (storeCap != null) ? storeCap : this.properties.maxPerShipmentPerDay();
			if (this.messages.sentWithin(m.shipmentId(), m.channel(), Duration.ofDays(1), m.id()) >= cap) {
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

	/** Wait {@code span} (from now, on any clock) before trying again. */
	record Hold(String reason, Duration span) implements Verdict {
	}

}
