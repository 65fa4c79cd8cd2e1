package dev.beacon.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of the outbox. New rows come from {@link #queued}, {@link #resend} and
 * {@link #unstored}; what happens to a row afterwards is written by the dispatcher's
 * named commands ({@code MessageClaims}: mark provider called, sent, held, retry, ended).
 */
public record OutboxMessage(UUID id, UUID storeId, UUID orderId, @Nullable UUID shipmentId, Trigger trigger,
		Channel channel, String idempotencyKey, String recipient, Locale locale, ZoneId zone, @Nullable String subject,
		@Nullable String bodyText, @Nullable String bodyHtml, boolean essential, int priority, MessageStatus status,
		@Nullable String statusReason, int attempts, Instant nextAttemptAt, @Nullable Instant staleAfter,
		@Nullable UUID leaseToken, @Nullable Instant providerCalledAt, @Nullable String providerId,
		Instant transitionAt, Instant createdAt, @Nullable Instant sentAt, @Nullable UUID resendOf,
		@Nullable MessageFacts facts) {

	/**
	 * A new message before it is queued: whom it goes to, in which language, what decides
	 * its words ({@code facts}; it is rendered when it is sent) and its key.
	 *
	 * @param idempotencyKey unique: a second row with the same key is never written
	 * @param essential whether it is transactional (no unsubscribe headers)
	 * @param transitionAt when the status changed (latency is measured from here)
	 */
	record Draft(UUID storeId, UUID orderId, @Nullable UUID shipmentId, String idempotencyKey, String recipient,
			ZoneId zone, Trigger trigger, Channel channel, Locale locale, MessageFacts facts, boolean essential,
			Instant transitionAt) {
	}

	/**
	 * A message queued at {@code now}, not rendered yet: due after the coalescing
	 * {@code hold} (zero: at once), never sent after {@code staleAfter}.
	 */
	static OutboxMessage queued(Draft d, Instant now, Duration hold, @Nullable Instant staleAfter) {
		return new OutboxMessage(UUID.randomUUID(), d.storeId(), d.orderId(), d.shipmentId(), d.trigger(), d.channel(),
				d.idempotencyKey(), d.recipient(), d.locale(), d.zone(), null, null, null, d.essential(),
				d.trigger().priority(), MessageStatus.PENDING,
				hold.isZero() ? null : "waiting for newer updates (coalescing)", 0, now.plus(hold), staleAfter, null,
				null, null, d.transitionAt(), now, null, null, d.facts());
	}

	/**
	 * A rendered message handed straight to a channel (the console's "send me a test"),
	 * never stored.
	 */
	static OutboxMessage unstored(UUID storeId, String recipient, RenderedMessage c, Instant now) {
		return new OutboxMessage(UUID.randomUUID(), storeId, new UUID(0, 0), null, c.trigger(), c.channel(), "test",
				recipient, c.locale(), ZoneOffset.UTC, c.subject(), c.text(), c.html(), true, c.trigger().priority(),
				MessageStatus.SENDING, null, 0, now, null, null, null, null, now, now, null, null, null);
	}

	/**
	 * Whether its words are still to be rendered (queued with its facts); rows queued
	 * before rendering moved to the send, and rows already handed to a provider, have
	 * them.
	 */
	boolean unrendered() {
		return this.bodyText == null;
	}

	/** This row with its rendered words. */
	OutboxMessage rendered(RenderedMessage c) {
		return new OutboxMessage(this.id, this.storeId, this.orderId, this.shipmentId, this.trigger, this.channel,
				this.idempotencyKey, this.recipient, this.locale, this.zone, c.subject(), c.text(), c.html(),
				this.essential, this.priority, this.status, this.statusReason, this.attempts, this.nextAttemptAt,
				this.staleAfter, this.leaseToken, this.providerCalledAt, this.providerId, this.transitionAt,
				this.createdAt, this.sentAt, this.resendOf, this.facts);
	}

	/** The rendered text; only for a row that {@link #unrendered() is rendered}. */
	public String text() {
		return Objects.requireNonNull(this.bodyText, "a message is rendered before it is sent");
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
				0, now, null, null, null, null, this.transitionAt, now, null, original(), this.facts);
	}

	/** As the console shows it; a row {@link #unrendered()} is rendered first. */
	MessageView view() {
		return new MessageView(this.id, this.storeId, this.orderId, this.shipmentId, this.trigger, this.channel,
				this.recipient, this.locale, this.status, statusText(), this.attempts, this.subject, text(),
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
