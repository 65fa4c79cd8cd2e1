package dev.beacon.shipment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * What {@link StatusFold} reads of a stored scan: its time and normalized reading, the
 * text and place it shows. A {@link TrackingEvent} is one; {@link ScanStore} reads the
 * same columns without the raw payload or a managed entity.
 */
interface FoldedScan {

	@Nullable Milestone getMilestone();

	Instant getOccurredAt();

	Health getHealth();

	@Nullable Reason getReason();

	boolean isActionRequired();

	String getRawText();

	ScanLocation getLocation();

}
