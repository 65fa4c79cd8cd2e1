package dev.beacon.shipment;

/** How the last conversation with the carrier about a shipment went. */
public enum PollOutcome {

	/** Scans (possibly none new) were read. */
	OK,
	/** Data came by push (carrier or aggregator webhook). */
	PUSHED,
	/** The carrier does not know the number (yet). */
	NOT_FOUND,
	/** Our credentials were refused. */
	AUTH_FAILED,
	/** The carrier's quota was exhausted (HTTP 429). */
	RATE_LIMITED,
	/** The carrier failed (HTTP 5xx) or its circuit is open. */
	SERVER_ERROR,
	/** The carrier did not answer in time. */
	TIMEOUT,
	/** The carrier answered with something we cannot read. */
	MALFORMED,
	/** No credentials are configured for the carrier. */
	NOT_CONFIGURED;

	public boolean isFailure() {
		return this != OK && this != PUSHED;
	}

}
