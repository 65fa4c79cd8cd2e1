package dev.beacon.imports;

/**
 * An import was not accepted now; the client may try again later (the API answers 429, or
 * 503 when the disk is short, with Retry-After).
 */
public class ImportRefusedException extends RuntimeException {

	/** Why. */
	public enum Reason {

		/** The store already has a running and a queued job. */
		STORE_BUSY,

		/** This instance's queue of waiting jobs is full. */
		QUEUE_FULL,

		/** Not enough free disk for the upload. */
		DISK_FULL

	}

	private final Reason reason;

	public ImportRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
