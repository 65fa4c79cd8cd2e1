package dev.beacon.carriers;

import org.jspecify.annotations.Nullable;

/**
 * A carrier-account request Beacon cannot honour: an unknown carrier (404), no account
 * saved (404), or a field it cannot accept (422 naming the field).
 */
public class CarrierAccountException extends RuntimeException {

	private final boolean notFound;

	private final @Nullable String field;

	private CarrierAccountException(boolean notFound, @Nullable String field, String message) {
		super(message);
		this.notFound = notFound;
		this.field = field;
	}

	public static CarrierAccountException notFound(String message) {
		return new CarrierAccountException(true, null, message);
	}

	public static CarrierAccountException invalid(String field, String message) {
		return new CarrierAccountException(false, field, message);
	}

	public boolean notFound() {
		return this.notFound;
	}

	public @Nullable String field() {
		return this.field;
	}

}
