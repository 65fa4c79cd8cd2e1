package dev.beacon.notify;

import java.util.Locale;

/** How a message reaches the shopper. */
public enum Channel {

	EMAIL, SMS;

	public static Channel parse(String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new NotificationException("channel", "channel must be email or sms");
		}
	}

}
