package dev.beacon.promise.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public promise ({@code beacon.promise.public.*}); the cut-off time and
 * handling days are each store's own ({@code shipping} in its settings).
 *
 * @param cacheTtl how long a computed promise is reused (and may be cached by browsers)
 * @param requestsPerMinute requests a client (IP address) may make per minute
 */
@ConfigurationProperties("beacon.promise.public")
record ShippingSettings(@DefaultValue("PT5M") Duration cacheTtl, @DefaultValue("60") int requestsPerMinute) {
}
