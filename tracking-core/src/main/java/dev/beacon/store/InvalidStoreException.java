package dev.beacon.store;

/** A store request that cannot be honoured; {@link #field()} names the input at fault. */
public class InvalidStoreException extends RuntimeException {

	private final String field;

	private final boolean conflict;

	InvalidStoreException(String field, String message, boolean conflict) {
		super(message);
		this.field = field;
		this.conflict = conflict;
	}

	public String field() {
		return this.field;
	}

	/** True when the input is valid but clashes with existing data (HTTP 409). */
	public boolean isConflict() {
		return this.conflict;
	}

}
