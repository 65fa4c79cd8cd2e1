package dev.beacon.retention;

import java.time.Instant;

/**
 * One kind of data a module keeps no longer than {@link RetentionProperties} says. The
 * retention job calls {@link #sweep} repeatedly until it answers fewer rows than asked
 * for; each call is one bounded, short transaction.
 */
public interface RetentionSweep {

	/** A short name for logs and the run report, such as {@code webhook-deliveries}. */
	String name();

	/**
	 * Deletes or blanks at most {@code limit} rows that are due at {@code now}; answers
	 * how many it handled (0 when the sweep is switched off).
	 */
	int sweep(RetentionProperties properties, Instant now, int limit);

}
