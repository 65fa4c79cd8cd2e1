package dev.beacon.notify;

/** Where a message stands. Only PENDING and SENDING ever change by themselves. */
public enum MessageStatus {

	/** Waiting: the coalescing hold, quiet hours, or a retry after a failure. */
	PENDING,
	/** Claimed by a dispatcher under a lease. */
	SENDING,
	/** Accepted by the provider. */
	SENT,
	/** Retries exhausted or a permanent error; the console can resend it. */
	DEAD,
	/**
	 * A crash happened after the provider was called and it cannot tell whether it sent;
	 * never resent automatically.
	 */
	UNCERTAIN,
	/**
	 * Not sent: opted out, no consent, bounced or blocked address, or the shopper
	 * switched it off.
	 */
	SUPPRESSED,
	/**
	 * Not sent: no SMTP server or Twilio account configured (rendered and kept for the
	 * demo).
	 */
	NOT_CONFIGURED,
	/** Not sent: a newer update of the same shipment replaced it. */
	SUPERSEDED,
	/** Not sent: the news was stale by the time it could go (after quiet hours). */
	EXPIRED,
	/** Not sent: the daily limit of messages per shipment was reached. */
	SKIPPED;

	public boolean isFinal() {
		return this != PENDING && this != SENDING;
	}

	public boolean isFailure() {
		return this == DEAD || this == UNCERTAIN;
	}

}
