/**
 * The SMS channel: Twilio (sending, reconciliation after a crash), consent and quiet
 * hours ({@code SmsSender}), the GSM-7 layout ({@code SmsLayout}, {@code SmsText}), and
 * Twilio's inbound STOP/START webhook.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.notify.sms;
