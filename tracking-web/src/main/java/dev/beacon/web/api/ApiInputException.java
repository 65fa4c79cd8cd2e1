package dev.beacon.web.api;

/** A request parameter the API cannot accept. */
class ApiInputException extends RuntimeException {

	private final String field;

	ApiInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
