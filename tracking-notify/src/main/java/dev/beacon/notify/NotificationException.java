package dev.beacon.notify;

/** Invalid input to the notification API (a 400 at the edge), naming the field. */
public class NotificationException extends RuntimeException {

	private final String field;

	public NotificationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
