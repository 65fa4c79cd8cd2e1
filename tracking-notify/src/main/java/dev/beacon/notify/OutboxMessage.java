package dev.beacon.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of the outbox. */
public record OutboxMessage(UUID id, UUID storeId, UUID orderId, @Nullable UUID shipmentId, Trigger trigger,
		Channel channel, String idempotencyKey, String recipient, Locale locale, ZoneId zone, @Nullable String subject,
		String bodyText, @Nullable String bodyHtml, boolean essential, int priority, MessageStatus status,
		@Nullable String statusReason, int attempts, Instant nextAttemptAt, @Nullable Instant staleAfter,
		@Nullable UUID leaseToken, @Nullable Instant providerCalledAt, @Nullable String providerId,
		Instant transitionAt, Instant createdAt, @Nullable Instant sentAt, @Nullable UUID resendOf) {

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
