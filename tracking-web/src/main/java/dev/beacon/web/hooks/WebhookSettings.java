package dev.beacon.web.hooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks.
 *
 * @param dispatch whether this instance delivers (any number of instances may)
 * @param tick how often the dispatcher looks for due deliveries
 * @param timeout how long a store backend may take to accept the connection, and again to
 * answer (an attempt is cut off after twice this)
 * @param maxAttempts attempts before a delivery is given up (DEAD)
 * @param allowHttp accept plain http:// endpoints (https only by default)
 * @param workers deliveries in flight at once on this instance (a bounded pool)
 * @param perStoreConcurrency deliveries of one store in flight at once on this instance
 * @param maxEndpointsPerStore active endpoints a store may register
 */
@ConfigurationProperties("beacon.webhooks")
record WebhookSettings(@DefaultValue("true") boolean dispatch, @DefaultValue("2s") Duration tick,
		@DefaultValue("10s") Duration timeout, @DefaultValue("10") int maxAttempts,
		@DefaultValue("false") boolean allowHttp, @DefaultValue("16") int workers,
		@DefaultValue("4") int perStoreConcurrency, @DefaultValue("10") int maxEndpointsPerStore) {

	/**
	 * How long a claimed delivery stays leased: longer than its worst-case attempt (the
	 * cut-off at twice the timeout) plus a margin, so no other instance takes it over
	 * while it is still being attempted.
	 */
	Duration lease() {
		return this.timeout.multipliedBy(2).plus(Duration.ofMinutes(1));
	}

}
