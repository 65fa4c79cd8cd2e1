package dev.beacon.integrations;

/** A connection request Beacon cannot honour; answered as problem+json. */
public class IntegrationException extends RuntimeException {

	/** What went wrong, which decides the HTTP status. */
	public enum Kind {

		/** 400: the request is malformed. */
		INVALID,
		/** 404: nothing connected. */
		NOT_FOUND,
		/** 409: the account belongs to another store, or a setting is missing. */
		CONFLICT,
		/**
		 * 422: the platform did not accept the credentials for this account (or answered
		 * as no shop of that platform would): nothing is stored.
		 */
		REFUSED,
		/** 502: the platform refused or failed. */
		PLATFORM

	}

	private final Kind kind;

	public IntegrationException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
