package dev.beacon.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings of this instance ({@code beacon.notify.*}).
 *
 * @param enabled whether core events create messages at all
 * @param holdWindow how long a shipment's message waits for newer news before it goes
 * (coalescing; newest wins)
 * @param maxPerShipmentPerDay default cap of messages per shipment and channel per 24 h
 * @param quietStart start of SMS quiet hours in the shopper's time zone
 * @param quietEnd end of SMS quiet hours
 * @param emailFrom default sender address when a store has none
 * @param unsubscribeSecret HMAC secret of unsubscribe links (default: beacon.link-secret)
 * @param dispatcher the outbox dispatcher
 * @param stalled when a shipment counts as stalled
 */
@ConfigurationProperties("beacon.notify")
public record NotifyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT2M") Duration holdWindow,
		@DefaultValue("4") int maxPerShipmentPerDay, @DefaultValue("21:00") LocalTime quietStart,
		@DefaultValue("08:00") LocalTime quietEnd, @DefaultValue("no-reply@beacon.invalid") String emailFrom,
		@Nullable String unsubscribeSecret, @DefaultValue Dispatcher dispatcher, @DefaultValue Stalled stalled) {

	/**
	 * @param enabled whether this instance runs the dispatcher and the scheduled checks
	 * @param interval pause between two dispatcher runs
	 * @param batch rows claimed per run
	 * @param lease how long a claim holds; a row still SENDING after it is rescued
	 * @param maxAttempts attempts before a message is dead
	 * @param backoff first retry delay, doubled per attempt
	 * @param maxBackoff cap of the retry delay
	 * @param checkInterval pause between "arriving tomorrow"/"stalled" checks
	 */
	record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("PT5S") Duration interval,
			@DefaultValue("20") int batch, @DefaultValue("PT2M") Duration lease, @DefaultValue("6") int maxAttempts,
			@DefaultValue("PT30S") Duration backoff, @DefaultValue("PT1H") Duration maxBackoff,
			@DefaultValue("PT15M") Duration checkInterval) {

		/**
		 * The wait before the next attempt after {@code attempts}: {@code backoff},
		 * doubled each attempt, at most {@code maxBackoff}.
		 */
		Duration backoffAfter(int attempts) {
			Duration delay = this.backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
			return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
		}

	}

	/**
	 * @param threshold default silence after which a moving shipment is stalled
	 * @param carriers per-carrier thresholds (e.g. {@code ups: P2D})
	 */
	record Stalled(@DefaultValue("P4D") Duration threshold, @DefaultValue Map<String, Duration> carriers) {

		Duration thresholdFor(String carrier) {
			return this.carriers.getOrDefault(carrier, this.threshold);
		}

	}

}
