package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

import dev.beacon.common.Text;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * The derived status columns of a {@link Shipment} (same {@code shipments} columns): what
 * {@link ShipmentTracking} folds from the stored scans and the estimated delivery window.
 * Milestone and health are never null, so Hibernate always loads an instance.
 */
@Embeddable
class ShipmentStatusColumns {

	@Enumerated(EnumType.STRING)
	@Column(name = "milestone")
	private Milestone milestone;

	@Enumerated(EnumType.STRING)
	@Column(name = "health")
	private Health health;

	@Enumerated(EnumType.STRING)
	@Column(name = "reason")
	private @Nullable Reason reason;

	@Column(name = "action_required")
	private boolean actionRequired;

	@Column(name = "status_text")
	private @Nullable String statusText;

	@Column(name = "status_location")
	private @Nullable String statusLocation;

	@Column(name = "carrier_earliest")
	private @Nullable LocalDate carrierEarliest;

	@Column(name = "carrier_latest")
	private @Nullable LocalDate carrierLatest;

	@Column(name = "estimated_earliest")
	private @Nullable LocalDate estimatedEarliest;

	@Column(name = "estimated_latest")
	private @Nullable LocalDate estimatedLatest;

	@Column(name = "delivered_at")
	private @Nullable Instant deliveredAt;

	@Column(name = "last_event_at")
	private @Nullable Instant lastEventAt;

	@Column(name = "last_polled_at")
	private @Nullable Instant lastPolledAt;

	@Column(name = "last_poll_outcome")
	private @Nullable String lastPollOutcome;

	@Column(name = "last_poll_detail")
	private @Nullable String lastPollDetail;

	protected ShipmentStatusColumns() {
		this.milestone = Milestone.LABEL_CREATED;
		this.health = Health.ON_TRACK;
	}

	Milestone milestone() {
		return this.milestone;
	}

	Health health() {
		return this.health;
	}

	@Nullable Reason reason() {
		return this.reason;
	}

	boolean actionRequired() {
		return this.actionRequired;
	}

	@Nullable String statusText() {
		return this.statusText;
	}

	@Nullable String statusLocation() {
		return this.statusLocation;
	}

	@Nullable DeliveryWindow carrierEstimate() {
		return DeliveryWindow.of(this.carrierEarliest, this.carrierLatest);
	}

	/** Keeps the carrier's last promise when an answer carries none. */
	void carrierEstimate(@Nullable DeliveryWindow window) {
		if (window != null) {
			this.carrierEarliest = window.earliest();
			this.carrierLatest = window.latest();
		}
	}

	@Nullable DeliveryWindow estimatedDelivery() {
		return DeliveryWindow.of(this.estimatedEarliest, this.estimatedLatest);
	}

	@Nullable Instant deliveredAt() {
		return this.deliveredAt;
	}

	@Nullable Instant lastEventAt() {
		return this.lastEventAt;
	}

	@Nullable Instant lastPolledAt() {
		return this.lastPolledAt;
	}

	@Nullable PollOutcome lastPollOutcome() {
		return (this.lastPollOutcome != null) ? PollOutcome.valueOf(this.lastPollOutcome) : null;
	}

	@Nullable String lastPollDetail() {
		return this.lastPollDetail;
	}

	void polled(PollOutcome outcome, @Nullable String detail, Instant at) {
		this.lastPollOutcome = outcome.name();
		this.lastPollDetail = Text.fit(detail, 500);
		this.lastPolledAt = at;
	}

	/** Another carrier: its estimate and the last poll's outcome no longer apply. */
	void carrierCorrected() {
		this.carrierEarliest = null;
		this.carrierLatest = null;
		this.lastPollOutcome = null;
		this.lastPollDetail = null;
	}

	void apply(ShipmentState state, @Nullable DeliveryWindow window) {
		this.milestone = state.milestone();
		this.health = state.health();
		this.reason = state.reason();
		this.actionRequired = state.actionRequired();
		this.statusText = Text.fit(state.statusText(), 1000);
		this.statusLocation = Text.fit(state.statusLocation(), 300);
		this.deliveredAt = state.deliveredAt();
		this.lastEventAt = state.lastEventAt();
		this.estimatedEarliest = (window != null) ? window.earliest() : null;
		this.estimatedLatest = (window != null) ? window.latest() : null;
	}

}
