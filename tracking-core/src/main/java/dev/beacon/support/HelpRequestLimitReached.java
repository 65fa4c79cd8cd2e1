package dev.beacon.support;

/**
 * A help request was refused because its order already has as many open, or as many
 * recent, help requests as {@link SupportLimits} allows.
 */
public class HelpRequestLimitReached extends RuntimeException {

	HelpRequestLimitReached(String message) {
		super(message);
	}

}
