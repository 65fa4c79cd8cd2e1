/**
 * Shopper notifications: which news (triggers) goes out by which channel (email, SMS),
 * rendered from branded, localized templates, written to an outbox in the transaction
 * that changed the status and delivered exactly once by a leased dispatcher. The API for
 * other modules (the console) is {@link dev.beacon.notify.NotificationManagement}. The
 * root holds the API, the policy (NotificationTriggers, StatusNews, News, Trigger), the
 * wording (MessageRenderer, Wording), the outbox (Outbox, Messages, OutboxMessage) and
 * the dispatch (Dispatcher, DeliveryChecks, MessageClaims, LeaseRescue). Each channel
 * sits in a package of its own ({@code email}, {@code sms}) behind {@code ChannelSender}
 * (delivery) and {@code ChannelLayout} (layout), so a new channel touches one package;
 * consent shared by the channels is in {@code consent}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "common", "retention", "status", "store", "order", "shipment", "support" })
@org.jspecify.annotations.NullMarked
package dev.beacon.notify;
