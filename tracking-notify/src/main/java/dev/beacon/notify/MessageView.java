package dev.beacon.notify;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message as the console shows it.
 *
 * @param statusText a human reading of the status, e.g. "not sent: channel not
 * configured" or "retrying: SMTP 451 (attempt 2)"
 * @param bodyText the plain-text body (email) or the SMS text
 * @param bodyHtml the HTML body (email only)
 */
public record MessageView(UUID id, UUID storeId, UUID orderId, @Nullable UUID shipmentId, Trigger trigger,
		Channel channel, String recipient, Locale locale, MessageStatus status, String statusText, int attempts,
		@Nullable String subject, String bodyText, @Nullable String bodyHtml, Instant createdAt, Instant nextAttemptAt,
		@Nullable Instant sentAt, @Nullable String providerId, @Nullable UUID resendOf) {
}
