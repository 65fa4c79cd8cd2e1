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
 * @param failuresPerOrder failed proofs of one order number by one client (IPv4 address
 * or IPv6 /64) before that client is locked out of that order for {@code failureWindow}
 * (the owner proving it from elsewhere is not)
 * @param failureWindow how long failed proofs count
 * @param viewsPerMinute order page views one client may make per minute
 * @param grantTtl how long a proven shopper sees the order without proving again
 * @param failedLookupFloor the least time a failed lookup takes, so "no such order" and
 * "wrong email" cannot be told apart by timing
 * @param failedLookupCeiling failed lookups of all orders and clients per
 * {@code failureWindow} above which only a client's first try of an order is allowed
 */
@ConfigurationProperties("beacon.page")
record PageSettings(@DefaultValue("10") int lookupsPerMinute, @DefaultValue("200") int lookupsPerDay,
		@DefaultValue("5") int failuresPerOrder, @DefaultValue("PT15M") Duration failureWindow,
		@DefaultValue("120") int viewsPerMinute, @DefaultValue("PT2H") Duration grantTtl,
		@DefaultValue("PT0.4S") Duration failedLookupFloor, @DefaultValue("1000") int failedLookupCeiling) {
}
