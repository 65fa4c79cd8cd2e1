package dev.beacon.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of the outbox. New rows come from {@link #queued}, {@link #resend} and
 * {@link #unstored}; what happens to a row afterwards is written by the dispatcher's
 * named commands ({@code MessageClaims}: mark provider called, sent, held, retry, ended).
 */
public record OutboxMessage(UUID id, UUID storeId, UUID orderId, @Nullable UUID shipmentId, Trigger trigger,
		Channel channel, String idempotencyKey, String recipient, Locale locale, ZoneId zone, @Nullable String subject,
		String bodyText, @Nullable String bodyHtml, boolean essential, int priority, MessageStatus status,
		@Nullable String statusReason, int attempts, Instant nextAttemptAt, @Nullable Instant staleAfter,
		@Nullable UUID leaseToken, @Nullable Instant providerCalledAt, @Nullable String providerId,
		Instant transitionAt, Instant createdAt, @Nullable Instant sentAt, @Nullable UUID resendOf) {

	/**
	 * A new message before it is queued: whom it goes to, what it says (trigger, channel,
	 * language and text come with the rendered content) and its key.
	 *
	 * @param idempotencyKey unique: a second row with the same key is never written
	 * @param essential whether it is transactional (no unsubscribe headers)
	 * @param transitionAt when the status changed (latency is measured from here)
	 */
	record Draft(UUID storeId, UUID orderId, @Nullable UUID shipmentId, String idempotencyKey, String recipient,
			ZoneId zone, RenderedMessage content, boolean essential, Instant transitionAt) {
	}

	/**
	 * A message queued at {@code now}: due after the coalescing {@code hold} (zero: at
	 * once), never sent after {@code staleAfter}.
	 */
	static OutboxMessage queued(Draft d, Instant now, Duration hold, @Nullable Instant staleAfter) {
		return create(d, MessageStatus.PENDING, hold.isZero() ? null : "waiting for newer updates (coalescing)",
				now.plus(hold), staleAfter, d.transitionAt(), now);
	}

	/**
	 * A message handed straight to a channel (the console's "send me a test"), never
	 * stored.
	 */
	static OutboxMessage unstored(Draft d, Instant now) {
		return create(d, MessageStatus.SENDING, null, now, null, d.transitionAt(), now);
	}

	private static OutboxMessage create(Draft d, MessageStatus status, @Nullable String reason, Instant due,
			@Nullable Instant staleAfter, Instant transitionAt, Instant now) {
		RenderedMessage c = d.content();
		return new OutboxMessage(UUID.randomUUID(), d.storeId(), d.orderId(), d.shipmentId(), c.trigger(), c.channel(),
				d.idempotencyKey(), d.recipient(), c.locale(), d.zone(), c.subject(), c.text(), c.html(), d.essential(),
				c.trigger().priority(), status, reason, 0, due, staleAfter, null, null, null, transitionAt, now, null,
				null);
	}

	/** The first message of which this one is a resend (itself when it is no resend). */
	UUID original() {
		return (this.resendOf != null) ? this.resendOf : this.id;
	}

	/**
	 * A copy of this finished message (same text, new id), queued at once as the
	 * {@code n}th resend of the original.
	 */
	OutboxMessage resend(int n, Instant now) {
		return new OutboxMessage(UUID.randomUUID(), this.storeId, this.orderId, this.shipmentId, this.trigger,
				this.channel, original() + ":resend:" + n, this.recipient, this.locale, this.zone, this.subject,
				this.bodyText, this.bodyHtml, this.essential, this.priority, MessageStatus.PENDING, "resend requested",
				0, now, null, null, null, null, this.transitionAt, now, null, original());
	}

	MessageView view() {
		return new MessageView(this.id, this.storeId, this.orderId, this.shipmentId, this.trigger, this.channel,
				this.recipient, this.locale, this.status, statusText(), this.attempts, this.subject, this.bodyText,
				this.bodyHtml, this.createdAt, this.nextAttemptAt, this.sentAt, this.providerId, this.resendOf);
	}

	/** The status as people read it in the console. */
	String statusText() {
		String reason = this.statusReason;
		return switch (this.status) {
			case PENDING -> (reason != null) ? reason : "queued";
			case SENDING -> "sending";
			case SENT -> "sent" + ((this.providerId != null) ? " (" + this.providerId + ")" : "");
			case NOT_CONFIGURED -> "not sent: channel not configured";
			default -> (reason != null) ? reason : this.status.name().toLowerCase(Locale.ROOT);
		};
	}

}
