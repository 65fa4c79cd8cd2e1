package dev.beacon.status;

/** An overlay on the milestone: is the shipment going well? Ordered by severity. */
public enum Health {

	ON_TRACK, AT_RISK, DELAYED, ACTION_REQUIRED, EXCEPTION;

	public boolean isWorseThan(Health other) {
		return ordinal() > other.ordinal();
	}

	public static Health worst(Health a, Health b) {
		return a.isWorseThan(b) ? a : b;
	}

}
