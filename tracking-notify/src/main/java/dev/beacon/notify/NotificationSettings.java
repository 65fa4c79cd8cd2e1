package dev.beacon.notify;

import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A store's notification settings.
 *
 * @param fromName the sender's display name (default: the store's name)
 * @param fromAddress the sender's address (default: {@code beacon.notify.email.from})
 * @param replyTo where replies go (default: the brand's support email)
 * @param maxPerShipmentPerDay the cap of messages per shipment and channel per 24 hours
 * (null: the instance default)
 * @param channels which channels each trigger uses (an empty set switches it off)
 * @param wording store wording overrides, keyed {@code <locale>:<bundle key>}, e.g.
 * {@code "en:shipped.headline"}
 * @param quietStart start of SMS quiet hours in the shopper's time zone (null: the
 * instance default)
 * @param quietEnd end of SMS quiet hours (null: the instance default)
 */
public record NotificationSettings(@Nullable String fromName, @Nullable String fromAddress, @Nullable String replyTo,
		@Nullable Integer maxPerShipmentPerDay, Map<Trigger, Set<Channel>> channels, Map<String, String> wording,
		@Nullable LocalTime quietStart, @Nullable LocalTime quietEnd) {

	/** Settings with the instance's quiet hours. */
	public NotificationSettings(@Nullable String fromName, @Nullable String fromAddress, @Nullable String replyTo,
			@Nullable Integer maxPerShipmentPerDay, Map<Trigger, Set<Channel>> channels, Map<String, String> wording) {
		this(fromName, fromAddress, replyTo, maxPerShipmentPerDay, channels, wording, null, null);
	}

}
