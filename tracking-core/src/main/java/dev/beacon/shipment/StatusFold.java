package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * The transition rules of the status model, as a pure function of a shipment's scans:
 * <ul>
 * <li>scans are read in the order they happened, whatever order they arrived in;</li>
 * <li>the milestone only moves as {@link Milestone#mayAdvanceTo} allows, so a late,
 * out-of-order scan never moves a shipment backwards;</li>
 * <li>health, reason and status text come from the most recent scan;</li>
 * <li>a live shipment whose window ends after the promised date is DELAYED (unless
 * worse);</li>
 * <li>a shipment marked expired that has not spoken since is EXPIRED.</li>
 * </ul>
 */
final class StatusFold {

	private StatusFold() {
	}

	static ShipmentState fold(List<? extends FoldedScan> chronological, @Nullable Instant expiredAt) {
		Milestone milestone = Milestone.LABEL_CREATED;
		Health health = Health.ON_TRACK;
		Reason reason = null;
		boolean action = false;
		String text = null;
		String location = null;
		Instant deliveredAt = null;
		Instant last = null;
		for (FoldedScan e : chronological) {
			Milestone next = e.getMilestone();
			if (next != null && milestone.mayAdvanceTo(next)) {
				milestone = next;
				deliveredAt = (next == Milestone.DELIVERED) ? e.getOccurredAt() : deliveredAt;
			}
			if (last == null || !e.getOccurredAt().isBefore(last)) {
				health = e.getHealth();
				reason = e.getReason();
				action = e.isActionRequired();
				text = e.getRawText();
				location = e.getLocation().label();
				last = e.getOccurredAt();
			}
		}
		if ((milestone == Milestone.RETURNING || milestone == Milestone.RETURNED)
				&& Health.EXCEPTION.isWorseThan(health)) {
			// a parcel on its way back to the sender stays an exception whatever transit
			// scans follow (USPS reports the return leg as ordinary processing scans)
			health = Health.EXCEPTION;
			reason = Reason.RETURN_TO_SENDER;
		}
		if (milestone == Milestone.DELIVERED && !health.isWorseThan(Health.DELAYED)) {
			health = Health.ON_TRACK;
			reason = null;
		}
		if (expiredAt != null && (last == null || last.isBefore(expiredAt)) && !milestone.isTerminal()) {
			milestone = Milestone.EXPIRED;
			health = Health.EXCEPTION;
			reason = Reason.SILENT;
			action = true;
		}
		return new ShipmentState(milestone, health, reason, action, text, location, deliveredAt, last);
	}

	/**
	 * Applies the promise overlay: a live, on-track shipment that will miss the promise
	 * is DELAYED.
	 */
	static ShipmentState overlay(ShipmentState state, @Nullable DeliveryWindow window, @Nullable LocalDate promisedBy) {
		if (state.milestone().isTerminal() || window == null || promisedBy == null) {
			return state;
		}
		if (window.endsAfter(promisedBy) && Health.DELAYED.isWorseThan(state.health())) {
			return new ShipmentState(state.milestone(), Health.DELAYED,
					(state.reason() != null) ? state.reason() : Reason.CARRIER, state.actionRequired(),
					state.statusText(), state.statusLocation(), state.deliveredAt(), state.lastEventAt());
		}
		return state;
	}

}
