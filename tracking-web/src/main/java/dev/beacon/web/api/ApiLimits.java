package dev.beacon.web.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public API.
 *
 * @param idempotencyLease how long an {@code Idempotency-Key} claim may stay running
 * before another request with that key takes it over (its instance died mid-request); a
 * request with the key meanwhile gets 409
 */
@ConfigurationProperties("beacon.api")
record ApiLimits(@DefaultValue("PT30S") Duration idempotencyLease) {
}
