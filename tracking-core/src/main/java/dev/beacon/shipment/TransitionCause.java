package dev.beacon.shipment;

/** What made a shipment's status move. Notifications ignore {@link #REPLAY}. */
public enum TransitionCause {

	/** A shipment was registered. */
	REGISTRATION,
	/** Scans from polling the carrier. */
	POLL,
	/** Scans pushed by a carrier or aggregator webhook. */
	PUSH,
	/** Stored scans re-read after a mapping table changed. */
	REPLAY,
	/** The shipment fell silent for too long. */
	EXPIRY,
	/** The store corrected the carrier. */
	CORRECTION

}
