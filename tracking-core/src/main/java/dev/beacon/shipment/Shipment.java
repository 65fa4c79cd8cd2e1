package dev.beacon.shipment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

import dev.beacon.common.Text;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * A parcel of an order, tracked with one carrier. Its status is never set from outside:
 * {@link ShipmentTracking} derives it from the stored scans. Its next poll time is the
 * carriers module's to set ({@code next_poll_at}); only changed columns are written, so
 * that schedule is never overwritten with a stale value. The derived status and poll
 * columns live in {@link ShipmentStatusColumns}. A shipment removed by mistake is gone
 * for every reader.
 */
@Entity
@Table(name = "shipments")
@DynamicUpdate
@SQLRestriction("removed_at is null")
public class Shipment {

	@Id
	private UUID id;

	@Column(name = "store_id")
	private UUID storeId;

	@Column(name = "order_id")
	private UUID orderId;

	private String carrier;

	@Column(name = "carrier_pinned")
	private boolean carrierPinned;

	@Column(name = "carrier_name")
	private @Nullable String carrierName;

	@Column(name = "tracking_url")
	private @Nullable String trackingUrl;

	private @Nullable String source;

	@Column(name = "tracking_number")
	private String trackingNumber;

	private @Nullable String service;

	@Column(name = "shipped_at")
	private @Nullable Instant shippedAt;

	@Embedded
	private ShipmentStatusColumns status = new ShipmentStatusColumns();

	@Column(name = "expired_at")
	private @Nullable Instant expiredAt;

	@Column(name = "next_poll_at")
	private @Nullable Instant nextPollAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "removed_at")
	private @Nullable Instant removedAt;

	@Version
	private @Nullable Long version;

	protected Shipment() {
	}

	Shipment(UUID storeId, UUID orderId, String carrier, boolean pinned, String trackingNumber,
			@Nullable String service, @Nullable Instant shippedAt, Instant now) {
		this.id = UUID.randomUUID();
		this.storeId = storeId;
		this.orderId = orderId;
		this.carrier = carrier;
		this.carrierPinned = pinned;
		this.trackingNumber = trackingNumber;
		this.service = Text.fit(service, 100);
		this.shippedAt = shippedAt;
		this.createdAt = now;
		this.updatedAt = this.createdAt;
		this.nextPollAt = this.createdAt;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getStoreId() {
		return this.storeId;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public String getCarrier() {
		return this.carrier;
	}

	public boolean isCarrierPinned() {
		return this.carrierPinned;
	}

	/** The carrier's name as the store gave it (carriers outside the registry). */
	public @Nullable String getCarrierName() {
		return this.carrierName;
	}

	/** The public tracking link as the store gave it (carriers outside the registry). */
	public @Nullable String getTrackingUrl() {
		return this.trackingUrl;
	}

	/**
	 * Where this shipment's news comes from ({@code direct:ups}, {@code 17track}, ...).
	 */
	public @Nullable String getSource() {
		return this.source;
	}

	void describeCarrier(@Nullable String name, @Nullable String url) {
		this.carrierName = name;
		this.trackingUrl = url;
	}

	void source(@Nullable String source) {
		this.source = source;
	}

	public String getTrackingNumber() {
		return this.trackingNumber;
	}

	public @Nullable String getService() {
		return this.service;
	}

	public @Nullable Instant getShippedAt() {
		return this.shippedAt;
	}

	public @Nullable Instant getExpiredAt() {
		return this.expiredAt;
	}

	public @Nullable Instant getNextPollAt() {
		return this.nextPollAt;
	}

	/**
	 * What {@link ShipmentTracking} derived from the scans (milestone, health, reason,
	 * status text and place, windows, delivered and last event) and how the last carrier
	 * conversation went.
	 */
	ShipmentStatusColumns status() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public boolean isRemoved() {
		return this.removedAt != null;
	}

	void polled(PollOutcome outcome, @Nullable String detail, Instant at) {
		this.status.polled(outcome, detail, at);
		this.updatedAt = at;
	}

	void carrierEstimate(@Nullable DeliveryWindow window) {
		this.status.carrierEstimate(window);
	}

	void service(@Nullable String service) {
		if (service != null && !service.isBlank()) {
			this.service = Text.fit(service, 100);
		}
	}

	void shippedAt(@Nullable Instant shippedAt) {
		if (this.shippedAt == null && shippedAt != null) {
			this.shippedAt = shippedAt;
		}
	}

	void correctCarrier(String carrier, Instant now) {
		this.carrier = carrier;
		this.carrierPinned = true;
		this.carrierName = null;
		this.trackingUrl = null;
		this.status.carrierCorrected();
		this.updatedAt = now;
	}

	/**
	 * The next poll time the database just set ({@code ShipmentCorrections}: due now by
	 * the database clock).
	 */
	void dueAt(@Nullable Instant due) {
		this.nextPollAt = due;
	}

	/** Not polled at all (its order was cancelled before it was added). */
	void stopPolling() {
		this.nextPollAt = null;
	}

	/** Removed by the store (added by mistake): never polled, read or counted again. */
	void remove(Instant at) {
		this.removedAt = at;
		this.nextPollAt = null;
		this.updatedAt = at;
	}

	void expire(Instant at) {
		this.expiredAt = at;
		this.nextPollAt = null;
	}

	void state(ShipmentState state, @Nullable DeliveryWindow window, Instant now) {
		this.status.apply(state, window);
		if (state.lastEventAt() != null && this.expiredAt != null && state.lastEventAt().isAfter(this.expiredAt)) {
			this.expiredAt = null;
		}
		this.updatedAt = now;
	}

}
