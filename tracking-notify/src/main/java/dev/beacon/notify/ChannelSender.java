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
	 * message? Channels without a way to ask answer {@link Reconciliation#unknown()}.
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
	 * FOUND (with the provider's id), NOT_SENT, or UNKNOWN (cannot tell now, or never).
	 */
	record Reconciliation(String outcome, @Nullable String providerId) {

		static Reconciliation found(String id) {
			return new Reconciliation("FOUND", id);
		}

		static Reconciliation notSent() {
			return new Reconciliation("NOT_SENT", null);
		}

		static Reconciliation unknown() {
			return new Reconciliation("UNKNOWN", null);
		}

		static Reconciliation unavailable() {
			return new Reconciliation("UNAVAILABLE", null);
		}

	}

}
