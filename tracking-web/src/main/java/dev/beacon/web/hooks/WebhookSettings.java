package dev.beacon.web.hooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks.
 *
 * @param dispatch whether this instance delivers (any number of instances may)
 * @param tick how often the dispatcher looks for due deliveries
 * @param timeout how long a store backend may take to answer
 * @param maxAttempts attempts before a delivery is given up (DEAD)
 * @param allowHttp accept plain http:// endpoints (https only by default)
 */
@ConfigurationProperties("beacon.webhooks")
record WebhookSettings(@DefaultValue("true") boolean dispatch, @DefaultValue("2s") Duration tick,
		@DefaultValue("10s") Duration timeout, @DefaultValue("10") int maxAttempts,
		@DefaultValue("false") boolean allowHttp) {
}
