/**
 * The email channel: SMTP through Spring's {@code JavaMailSender} (timeouts set by
 * default), recipients and preferences, one-click unsubscribe headers
 * ({@code EmailSender}), and the branded HTML and plain-text layout from the Thymeleaf
 * templates ({@code EmailLayout}).
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.notify.email;
