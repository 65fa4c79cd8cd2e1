package dev.beacon.web.page;

import org.springframework.http.HttpStatus;

/** Ends a tracking page request with a friendly error page. */
class PageException extends RuntimeException {

	private final HttpStatus status;

	private final long retryAfterSeconds;

	PageException(HttpStatus status) {
		this(status, 0);
	}

	PageException(HttpStatus status, long retryAfterSeconds) {
		super(status.getReasonPhrase(), null, false, false);
		this.status = status;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static PageException notFound() {
		return new PageException(HttpStatus.NOT_FOUND);
	}

	static PageException tooMany(long seconds) {
		return new PageException(HttpStatus.TOO_MANY_REQUESTS, seconds);
	}

	HttpStatus status() {
		return this.status;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
