package dev.beacon.notify;

import org.jspecify.annotations.Nullable;

/** A way out to shoppers (email, SMS). */
interface ChannelSender {

	Channel channel();

	/**
	 * False when the instance has no account for it (the demo): messages are kept, not
	 * sent.
	 */
	boolean configured();

	/** Hands the message to the provider. Never throws. */
	SendResult send(OutboxMessage message);

	/**
	 * After a crash between the provider call and its record: did the provider take the
	 * message? Channels without a way to ask answer {@link Reconciliation#unknown}.
	 */
	Reconciliation reconcile(OutboxMessage message);

	record SendResult(Kind kind, @Nullable String providerId, String detail) {

		enum Kind {

			SENT, RETRY, PERMANENT, SUPPRESS

		}

		static SendResult sent(String providerId) {
			return new SendResult(Kind.SENT, providerId, "sent");
		}

		static SendResult retry(String detail) {
			return new SendResult(Kind.RETRY, null, detail);
		}

		static SendResult permanent(String detail) {
			return new SendResult(Kind.PERMANENT, null, detail);
		}

		static SendResult suppress(String detail) {
			return new SendResult(Kind.SUPPRESS, null, detail);
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

		static Reconciliation found(String id) {
			return new Reconciliation(Outcome.FOUND, id, "found");
		}

		static Reconciliation notSent() {
			return new Reconciliation(Outcome.NOT_SENT, null, "not sent");
		}

		static Reconciliation unknown(String detail) {
			return new Reconciliation(Outcome.UNKNOWN, null, detail);
		}

		static Reconciliation unavailable() {
			return new Reconciliation(Outcome.UNAVAILABLE, null, "provider unavailable");
		}

	}

}
