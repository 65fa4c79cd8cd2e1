package dev.beacon.web.api;

import org.springframework.http.HttpStatus;

/**
 * An Idempotency-Key that cannot be honoured: reused with another body, or still in
 * flight.
 */
class IdempotencyException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	IdempotencyException(HttpStatus status, String title, String message) {
		super(message);
		this.status = status;
		this.title = title;
	}

	HttpStatus status() {
		return this.status;
	}

	String title() {
		return this.title;
	}

}
