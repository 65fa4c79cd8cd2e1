package dev.beacon.support;

/** A help-request resolution longer than {@link SupportLimits#resolutionLength()}. */
public class ResolutionTooLong extends IllegalArgumentException {

	private final int maxLength;

	ResolutionTooLong(int maxLength) {
		super("The resolution is longer than " + maxLength + " characters");
		this.maxLength = maxLength;
	}

	public int maxLength() {
		return this.maxLength;
	}

}
