package dev.beacon.retention;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Beacon keeps what it no longer needs ({@code beacon.retention.*}).
 *
 * @param enabled whether the daily job runs at all
 * @param cron when the daily job runs (server time zone: UTC in the container)
 * @param batchSize rows per statement (each batch is its own short transaction)
 * @param maxBatches at most this many batches per sweep and run (the rest waits a day)
 * @param webhookDeliveries outbound webhook deliveries that were delivered, dead or
 * cancelled are deleted this long after they were created
 * @param inboundWebhooks inbound webhook deduplication rows are deleted this long after
 * they arrived
 * @param idempotencyKeys API Idempotency-Key records are deleted after this long
 * @param messageBodies sent or finished notification messages lose their recipient,
 * subject and body after this long (the row, its status and times stay)
 * @param rawPayloads raw carrier payloads of scans of finished shipments (delivered,
 * returned, expired, cancelled or removed) are blanked this long after the shipment
 * finished (the normalized scan stays)
 * @param personalData orders finished more than this long ago have their shopper's
 * personal data erased; off (null) unless set
 */
@ConfigurationProperties("beacon.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 3 * * *") String cron,
		@DefaultValue("1000") int batchSize, @DefaultValue("1000") int maxBatches,
		@DefaultValue("30d") Duration webhookDeliveries, @DefaultValue("7d") Duration inboundWebhooks,
		@DefaultValue("24h") Duration idempotencyKeys, @DefaultValue("90d") Duration messageBodies,
		@DefaultValue("180d") Duration rawPayloads, @Nullable Duration personalData) {

	public RetentionProperties {
		batchSize = Math.max(1, Math.min(batchSize, 10_000));
		maxBatches = Math.max(1, maxBatches);
	}

	/** The defaults, as documented. */
	public static RetentionProperties defaults() {
		return new RetentionProperties(true, "0 30 3 * * *", 1000, 1000, Duration.ofDays(30), Duration.ofDays(7),
				Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(180), null);
	}

}
