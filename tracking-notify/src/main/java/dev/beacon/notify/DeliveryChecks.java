package dev.beacon.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a claimed message must pass before its provider is called, in this order: the
 * channel is configured, the recipient is not suppressed and the channel does not refuse
 * it (consent, preferences), the news is not stale, the channel does not hold it back
 * (SMS quiet hours), and the shipment's daily cap is not reached. Each can end the
 * message or hold it; none calls anyone. What they read is read once for a claimed batch
 * ({@link #prepare}): the suppressions of its recipients and the day's messages of its
 * shipments with the claim itself ({@link MessageClaims#claim}), the caps of its stores
 * (kept a few seconds, {@link StoreSettings#recentBasics}).
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

	/** The daily cap's window. */
	static final Duration CAP_WINDOW = Duration.ofDays(1);

	private final StoreSettings settings;

	private final NotifyProperties properties;

	DeliveryChecks(StoreSettings settings, NotifyProperties properties) {
		this.settings = settings;
		this.properties = properties;
	}

	/**
	 * The checks of this claimed batch: the suppressions of its recipients and the day's
	 * sent and in-flight messages of its shipments as the claim read them
	 * ({@link MessageClaims#claim}) and, when it holds capped news, its stores' caps (as
	 * kept for at most {@link StoreSettings#STALENESS}).
	 */
	Batch prepare(Claimed claim) {
		List<OutboxMessage> capped = claim.messages().stream().filter(DeliveryChecks::capped).toList();
		Map<UUID, Integer> caps = new HashMap<>();
		if (!capped.isEmpty()) {
			List<UUID> storeIds = capped.stream().map(OutboxMessage::storeId).distinct().toList();
			Map<UUID, NotificationSettings> own = this.settings.recentBasics(storeIds);
			for (UUID id : storeIds) {
				Integer cap = (own.get(id) != null) ? own.get(id).maxPerShipmentPerDay() : null;
				caps.put(id, (cap != null) ? cap : this.properties.maxPerShipmentPerDay());
			}
		}
		return new Batch(claim.suppressed(), caps, new HashMap<>(claim.counted()));
	}

	private static boolean capped(OutboxMessage m) {
		return m.shipmentId() != null && !UNCAPPED.contains(m.trigger());
	}

	static String shipmentKey(OutboxMessage m) {
		return m.shipmentId() + ":" + m.channel().name();
	}

	/**
	 * The checks of one claimed batch. The daily cap counts the shipment's messages sent
	 * within a day or in flight, this one excepted, as one message at a time did: every
	 * message of the batch is in flight when the batch is read, and one that ends or
	 * waits without being sent stops counting for the ones checked after it
	 * ({@link #notSent}).
	 */
	final class Batch {

		private final Map<String, String> suppressed;

		private final Map<UUID, Integer> caps;

		private final Map<String, Integer> counted;

		private Batch(Map<String, String> suppressed, Map<UUID, Integer> caps, Map<String, Integer> counted) {
			this.suppressed = suppressed;
			this.caps = caps;
			this.counted = counted;
		}

		/**
		 * Why the message does not go now, or null when it may go.
		 * @param sender the channel as prepared for this batch
		 * ({@link ChannelSender#forBatch})
		 * @param now the app's clock: the shopper's local time (quiet hours)
		 * @param databaseNow the database's clock: staleness
		 */
		@Nullable Verdict check(OutboxMessage m, ChannelSender sender, Instant now, Instant databaseNow) {
			Verdict verdict = verdict(m, sender, now, databaseNow);
			if (verdict != null) {
				notSent(m);
			}
			return verdict;
		}

		private @Nullable Verdict verdict(OutboxMessage m, ChannelSender sender, Instant now, Instant databaseNow) {
			if (!sender.configured()) {
				return new End(Ending.notConfigured());
			}
			String suppressed = this.suppressed.get(m.channel().name() + ":" + m.recipient());
			String blocked = (suppressed != null) ? suppressed : sender.refusal(m);
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
				return new Hold("held: " + hold.reason() + " until " + hold.until().atZone(m.zone()).toLocalTime()
						+ " (" + m.zone().getId() + ")", wait);
			}
			if (capped(m)) {
				int cap = this.caps.get(m.storeId());
				// the count holds this message too (in flight since its claim)
				if (this.counted.getOrDefault(shipmentKey(m), 1) - 1 >= cap) {
					return new End(Ending.skipped(cap));
				}
			}
			return null;
		}

		/**
		 * A message of the batch that is not sent now (ended, held, or never handed
		 * over): no longer in flight for the cap of the messages checked after it.
		 */
		void notSent(OutboxMessage m) {
			this.counted.computeIfPresent(shipmentKey(m), (k, n) -> n - 1);
		}

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
