package dev.beacon.notify;

/**
 * How a claimed message ends without being sent: its final status, the words the console
 * shows ({@link OutboxMessage#statusText}) and the outcome tag of
 * {@code beacon.notify.messages}. One factory per way to end.
 */
record Ending(MessageStatus status, String reason, String outcome) {

	static Ending notConfigured() {
		return new Ending(MessageStatus.NOT_CONFIGURED, "not sent: channel not configured", "not_configured");
	}

	/** Opted out, no consent, unsubscribed, bounced or blocked. */
	static Ending suppressed(String why) {
		return new Ending(MessageStatus.SUPPRESSED, "not sent: " + why, "suppressed");
	}

	/** The news was stale by the time it could go. */
	static Ending expired(String why) {
		return new Ending(MessageStatus.EXPIRED, "not sent: " + why, "expired");
	}

	static Ending skipped(int cap) {
		return new Ending(MessageStatus.SKIPPED, "not sent: limit of " + cap + " messages per shipment per day reached",
				"skipped");
	}

	/** A permanent error: dead, the console can resend it. */
	static Ending failed(String detail) {
		return new Ending(MessageStatus.DEAD, "failed: " + detail, "failed");
	}

	/** Retries exhausted: dead, the console can resend it. */
	static Ending failedAfter(int attempts, String detail) {
		return new Ending(MessageStatus.DEAD, "failed after " + attempts + " attempts: " + detail, "failed");
	}

	/** The provider may have it: never resent automatically, a person decides. */
	static Ending uncertain(String detail) {
		return new Ending(MessageStatus.UNCERTAIN,
				"uncertain: " + detail + "; not resent automatically (resend if the shopper did not get it)",
				"uncertain");
	}

}
