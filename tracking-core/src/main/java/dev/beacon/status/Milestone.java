package dev.beacon.status;

/**
 * Progress of a shipment. Main line: ORDERED → LABEL_CREATED → PICKED_UP → IN_TRANSIT →
 * OUT_FOR_DELIVERY → DELIVERED; the rest are side states. The rank orders them so that a
 * shipment's milestone never goes backwards.
 */
public enum Milestone {

	ORDERED(0, false), LABEL_CREATED(1, false), PICKED_UP(2, false), IN_TRANSIT(3, false), OUT_FOR_DELIVERY(4, false),
	DELIVERY_ATTEMPTED(4, false), AVAILABLE_FOR_PICKUP(5, false), RETURNING(5, false), EXPIRED(6, true),
	DELIVERED(7, true), RETURNED(7, true), CANCELLED(7, true);

	private final int rank;

	private final boolean terminal;

	Milestone(int rank, boolean terminal) {
		this.rank = rank;
		this.terminal = terminal;
	}

	public int rank() {
		return this.rank;
	}

	public boolean isTerminal() {
		return this.terminal;
	}

	/**
	 * Whether a scan reporting {@code next} may move a shipment that is at this
	 * milestone. A shipment never moves to a lower rank; equal ranks may alternate (a
	 * second delivery attempt after a failed one); terminal states only give way to the
	 * return flow.
	 */
	public boolean mayAdvanceTo(Milestone next) {
		if (next == this) {
			return false;
		}
		if (this == EXPIRED) {
			return true; // a silent shipment that speaks again is alive
		}
		if (this.terminal) {
			return this == DELIVERED && (next == RETURNING || next == RETURNED);
		}
		return next.rank >= this.rank;
	}

}
