/**
 * Shopper notifications: which news (triggers) goes out by which channel (email, SMS),
 * rendered from branded, localized templates, written to an outbox in the transaction
 * that changed the status and delivered exactly once by a leased dispatcher. The API for
 * other modules (the console) is {@link dev.beacon.notify.NotificationManagement}. The
 * root holds the API, the policy (NotificationTriggers, News, Trigger), the outbox and
 * the dispatcher; each channel sits behind {@code ChannelSender} in a package of its own
 * ({@code email}, {@code sms}), and consent shared by the channels in {@code consent}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "common", "retention", "status", "store", "order", "shipment", "support" })
@org.jspecify.annotations.NullMarked
package dev.beacon.notify;
