package dev.beacon.web.hooks;

/**
 * A webhook registration the API cannot accept; {@link #field()} names the input at
 * fault.
 */
public class WebhookException extends RuntimeException {

	private final String field;

	private final boolean unprocessable;

	WebhookException(String field, String message) {
		this(field, message, false);
	}

	private WebhookException(String field, String message, boolean unprocessable) {
		super(message);
		this.field = field;
		this.unprocessable = unprocessable;
	}

	/**
	 * Well-formed but refused (a non-public address, too many endpoints): answered 422.
	 */
	static WebhookException unprocessable(String field, String message) {
		return new WebhookException(field, message, true);
	}

	public boolean unprocessable() {
		return this.unprocessable;
	}

	public String field() {
		return this.field;
	}

}
