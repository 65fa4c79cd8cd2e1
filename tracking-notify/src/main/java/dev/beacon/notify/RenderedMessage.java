package dev.beacon.notify;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A message rendered for one channel and language: subject and HTML for email only.
 *
 * @param smsSegments how many SMS segments the text takes (0 for email)
 */
public record RenderedMessage(Trigger trigger, Channel channel, Locale locale, @Nullable String subject, String text,
		@Nullable String html, int smsSegments) {
}
