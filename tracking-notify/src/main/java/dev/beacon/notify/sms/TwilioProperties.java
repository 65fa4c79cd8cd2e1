package dev.beacon.notify.sms;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Twilio account SMS go through ({@code beacon.sms.twilio.*}). Without sid, token and
 * sender, SMS are rendered and kept as "not sent: channel not configured".
 *
 * @param baseUrl where the Twilio API is (default https://api.twilio.com; tests and
 * self-hosters point it elsewhere)
 */
@ConfigurationProperties("beacon.sms.twilio")
public record TwilioProperties(@Nullable String accountSid, @Nullable String authToken, @Nullable String from,
		@Nullable String baseUrl) {

	boolean configured() {
		return notBlank(this.accountSid) && notBlank(this.authToken) && notBlank(this.from);
	}

	private static boolean notBlank(@Nullable String s) {
		return s != null && !s.isBlank();
	}

}
