package dev.beacon.order;

import java.time.Instant;

/**
 * A shopper's answer to "text me updates", with where it was given and when.
 *
 * @param consented yes or no
 * @param source where it was recorded: {@code api}, {@code page}, {@code console},
 * {@code shopify}...
 * @param at when it was recorded
 */
public record SmsConsent(boolean consented, String source, Instant at) {
}
