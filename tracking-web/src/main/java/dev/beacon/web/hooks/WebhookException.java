package dev.beacon.web.hooks;

/**
 * A webhook registration the API cannot accept; {@link #field()} names the input at
 * fault.
 */
public class WebhookException extends RuntimeException {

	private final String field;

	WebhookException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
