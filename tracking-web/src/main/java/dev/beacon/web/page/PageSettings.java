package dev.beacon.web.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and lifetimes of the tracking page.
 *
 * @param lookupsPerMinute lookups (order, tracking number, signed link, help) one client
 * may make per minute
 * @param lookupsPerDay the same per day
 * @param failuresPerOrder failed proofs of one order number before it is locked for
 * {@code failureWindow}
 * @param failureWindow how long failed proofs of an order count
 * @param viewsPerMinute order page views one client may make per minute
 * @param grantTtl how long a proven shopper sees the order without proving again
 * @param failedLookupFloor the least time a failed lookup takes, so "no such order" and
 * "wrong email" cannot be told apart by timing
 */
@ConfigurationProperties("beacon.page")
record PageSettings(@DefaultValue("10") int lookupsPerMinute, @DefaultValue("200") int lookupsPerDay,
		@DefaultValue("5") int failuresPerOrder, @DefaultValue("PT15M") Duration failureWindow,
		@DefaultValue("120") int viewsPerMinute, @DefaultValue("PT2H") Duration grantTtl,
		@DefaultValue("PT0.4S") Duration failedLookupFloor) {
}
