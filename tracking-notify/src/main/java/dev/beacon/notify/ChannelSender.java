package dev.beacon.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Order;

/**
 * A way out to shoppers (email, SMS): the one interface a channel implements, holding
 * every rule that differs by channel (who the recipient is, consent, when it may go, how
 * the provider is called and asked after a crash), so the outbox and the dispatcher never
 * branch on the channel and a new channel touches one package.
 */
public interface ChannelSender {

	Channel channel();

	/**
	 * Where this news goes on this channel, or null when the shopper cannot get it here
	 * (no address, no consent, opted out).
	 * @param prefs the preferences of the order's email address
	 */
	@Nullable String recipient(Order order, News news, ShopperPreferences prefs);

	/**
	 * Why the recipient must not get the message now (checked again when it is sent), or
	 * null.
	 */
	default @Nullable String refusal(OutboxMessage message) {
		return null;
	}

	/** When the message may go instead of now (e.g. SMS quiet hours), or null. */
	default @Nullable Hold hold(OutboxMessage message, Instant now) {
		return null;
	}

	/** The one-click unsubscribe link for optional news, or null. */
	default @Nullable String unsubscribeLink(UUID storeId, String recipient, boolean essential) {
		return null;
	}

	/** Held until {@code until}, for the reason given. */
	record Hold(Instant until, String reason) {
	}

	/**
	 * False when the instance has no account for it (the demo): messages are kept, not
	 * sent.
	 */
	boolean configured();

	/**
	 * This channel for one claimed batch of its messages: what {@link #refusal},
	 * {@link #hold} and {@link #send} read (consent, preferences, the store's settings),
	 * read once for the whole batch. By default itself (each message reads its own).
	 */
	default ChannelSender forBatch(List<OutboxMessage> batch) {
		return this;
	}

	/** Hands the message to the provider. Never throws. */
	SendResult send(OutboxMessage message);

	/**
	 * After a crash between the provider call and its record: did the provider take the
	 * message? Channels without a way to ask answer {@link Reconciliation#unknown}.
	 */
	Reconciliation reconcile(OutboxMessage message);

	record SendResult(Kind kind, @Nullable String providerId, String detail) {

		enum Kind {

			SENT, RETRY, PERMANENT, SUPPRESS,

			/**
			 * The provider may have taken it (e.g. the connection broke after the whole
			 * message was handed over): never retried automatically.
			 */
			UNCERTAIN,

			/**
			 * The provider may have taken it and can be asked (no answer to the request):
			 * the row stays marked until its lease runs out, then {@link #reconcile}
			 * decides, never a blind retry.
			 */
			RECONCILE

		}

		public static SendResult sent(String providerId) {
			return new SendResult(Kind.SENT, providerId, "sent");
		}

		public static SendResult retry(String detail) {
			return new SendResult(Kind.RETRY, null, detail);
		}

		public static SendResult permanent(String detail) {
			return new SendResult(Kind.PERMANENT, null, detail);
		}

		public static SendResult suppress(String detail) {
			return new SendResult(Kind.SUPPRESS, null, detail);
		}

		public static SendResult uncertain(String detail) {
			return new SendResult(Kind.UNCERTAIN, null, detail);
		}

		public static SendResult reconcile(String detail) {
			return new SendResult(Kind.RECONCILE, null, detail);
		}

	}

	/**
	 * What the provider says after a crash: {@link Outcome#FOUND} (with its id),
	 * {@link Outcome#NOT_SENT} (certain: safe to send again), {@link Outcome#UNKNOWN} (it
	 * cannot tell, or the answer is ambiguous: a person decides, never sent twice), or
	 * {@link Outcome#UNAVAILABLE} (cannot be asked now: ask again next round).
	 */
	record Reconciliation(Outcome outcome, @Nullable String providerId, String detail) {

		enum Outcome {

			FOUND, NOT_SENT, UNKNOWN, UNAVAILABLE

		}

		public static Reconciliation found(String id) {
			return new Reconciliation(Outcome.FOUND, id, "found");
		}

		public static Reconciliation notSent() {
			return new Reconciliation(Outcome.NOT_SENT, null, "not sent");
		}

		public static Reconciliation unknown(String detail) {
			return new Reconciliation(Outcome.UNKNOWN, null, detail);
		}

		public static Reconciliation unavailable() {
			return new Reconciliation(Outcome.UNAVAILABLE, null, "provider unavailable");
		}

	}

}
