package dev.beacon.carriers.poll;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller ({@code beacon.carriers.poll.*}). Intervals are carrier time: the sandbox
 * divides them by its time scale. None is shorter than {@code min-interval}.
 *
 * @param enabled whether this instance polls (any number of instances may)
 * @param tick how often the poller looks for due shipments
 * @param batch how many shipments one claim takes
 * @param lease how long a claimed shipment stays reserved (a crashed instance's claims
 * come back after it)
 * @param minInterval the shortest time between two polls of a shipment
 * @param outForDelivery interval while out for delivery or after a failed attempt
 * @param exception interval while health is not on track
 * @param labelCreated interval before the carrier has the parcel
 * @param inTransit interval in transit
 * @param longTransit interval when the last scan is older than {@code long-transit-after}
 * @param longTransitAfter when a quiet transit counts as long
 * @param availableForPickup interval while waiting at a pickup point
 * @param afterDelivery interval during the grace period after delivery or return
 * @param deliveredGrace how long a delivered or returned shipment is still polled
 * @param silentExpiry silence after which a shipment becomes EXPIRED
 * @param failureBackoff next poll after a 5xx, timeout or open circuit
 * @param rateLimitedBackoff next poll after a 429 or exhausted quota
 * @param notFoundBackoff next poll when the carrier does not know the number (yet)
 * @param misconfiguredBackoff next poll after auth failures, malformed answers or missing
 * credentials
 * @param concurrency how many carrier conversations one poller holds at once (1: one
 * after the other, on the loop's thread)
 * @param lanes how many claims one poller works on at once (claim, ask, record), as that
 * many pollers would
 */
@ConfigurationProperties("beacon.carriers.poll")
record PollProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration tick,
		@DefaultValue("50") int batch, @DefaultValue("2m") Duration lease, @DefaultValue("2s") Duration minInterval,
		@DefaultValue("30m") Duration outForDelivery, @DefaultValue("1h") Duration exception,
		@DefaultValue("3h") Duration labelCreated, @DefaultValue("2h") Duration inTransit,
		@DefaultValue("6h") Duration longTransit, @DefaultValue("48h") Duration longTransitAfter,
		@DefaultValue("4h") Duration availableForPickup, @DefaultValue("6h") Duration afterDelivery,
		@DefaultValue("24h") Duration deliveredGrace, @DefaultValue("30d") Duration silentExpiry,
		@DefaultValue("10m") Duration failureBackoff, @DefaultValue("15m") Duration rateLimitedBackoff,
		@DefaultValue("3h") Duration notFoundBackoff, @DefaultValue("1h") Duration misconfiguredBackoff,
		@DefaultValue("16") int concurrency, @DefaultValue("2") int lanes) {

	static PollProperties defaults() {
		return new PollProperties(true, Duration.ofSeconds(5), 50, Duration.ofMinutes(2), Duration.ofSeconds(2),
				Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(2),
				Duration.ofHours(6), Duration.ofHours(48), Duration.ofHours(4), Duration.ofHours(6),
				Duration.ofHours(24), Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofMinutes(15),
				Duration.ofHours(3), Duration.ofHours(1), 16, 2);
	}

}
