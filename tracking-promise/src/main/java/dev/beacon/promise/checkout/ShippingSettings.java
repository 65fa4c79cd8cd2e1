package dev.beacon.promise.checkout;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of the public promise ({@code beacon.promise.public.*}) until a store's own
 * {@code shipping.cutoffTime} and {@code handlingDays} are set in its settings.
 *
 * @param cutoffTime orders placed before this time (store's zone) on a business day ship
 * that day
 * @param handlingDays business days from order to handover, for stores without history
 * @param cacheTtl how long a computed promise is reused (and may be cached by browsers)
 * @param requestsPerMinute requests a client (IP address) may make per minute
 */
@ConfigurationProperties("beacon.promise.public")
record ShippingSettings(@DefaultValue("14:00") LocalTime cutoffTime, @DefaultValue("1") int handlingDays,
		@DefaultValue("PT5M") Duration cacheTtl, @DefaultValue("60") int requestsPerMinute) {
}
