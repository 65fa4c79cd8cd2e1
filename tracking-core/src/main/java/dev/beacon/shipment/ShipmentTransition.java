package dev.beacon.shipment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/** The record of one status change of a shipment (audit trail and report input). */
@Entity
@Table(name = "shipment_transitions")
public class ShipmentTransition {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "shipment_id")
	private UUID shipmentId;

	@Column(name = "store_id")
	private UUID storeId;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_milestone")
	private Milestone fromMilestone;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_milestone")
	private Milestone toMilestone;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_health")
	private Health fromHealth;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_health")
	private Health toHealth;

	@Enumerated(EnumType.STRING)
	private @Nullable Reason reason;

	private String cause;

	@Column(name = "recorded_at")
	private Instant recordedAt;

	protected ShipmentTransition() {
	}

	ShipmentTransition(ShipmentStatusChanged e) {
		this.shipmentId = e.shipmentId();
		this.storeId = e.storeId();
		this.fromMilestone = e.fromMilestone();
		this.toMilestone = e.toMilestone();
		this.fromHealth = e.fromHealth();
		this.toHealth = e.toHealth();
		this.reason = e.reason();
		this.cause = e.cause().name();
		this.recordedAt = e.recordedAt();
	}

	public UUID getShipmentId() {
		return this.shipmentId;
	}

	public Milestone getFromMilestone() {
		return this.fromMilestone;
	}

	public Milestone getToMilestone() {
		return this.toMilestone;
	}

	public Health getFromHealth() {
		return this.fromHealth;
	}

	public Health getToHealth() {
		return this.toHealth;
	}

	public @Nullable Reason getReason() {
		return this.reason;
	}

	public String getCause() {
		return this.cause;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

}
