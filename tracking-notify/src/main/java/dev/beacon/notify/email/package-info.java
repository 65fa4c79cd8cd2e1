/**
 * The email channel: SMTP through Spring's {@code JavaMailSender} (timeouts set by
 * default), recipients and preferences, one-click unsubscribe headers.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.notify.email;
