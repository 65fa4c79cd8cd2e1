/**
 * The SMS channel: Twilio (sending, reconciliation after a crash), consent and quiet
 * hours, SMS text composition, and Twilio's inbound STOP/START webhook.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.notify.sms;
