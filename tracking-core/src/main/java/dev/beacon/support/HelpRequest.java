package dev.beacon.support;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A shopper's request for help about an order. */
@Entity
@Table(name = "help_requests")
public class HelpRequest {

	@Id
	private UUID id;

	@Column(name = "store_id")
	private UUID storeId;

	@Column(name = "order_id")
	private UUID orderId;

	@Column(name = "shipment_id")
	private @Nullable UUID shipmentId;

	@Enumerated(EnumType.STRING)
	private HelpTopic topic;

	private String message;

	@Column(name = "contact_email")
	private @Nullable String contactEmail;

	private String source;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "resolved_at")
	private @Nullable Instant resolvedAt;

	@Column(name = "resolution")
	private @Nullable String resolution;

	@Version
	private @Nullable Long version;

	protected HelpRequest() {
	}

	HelpRequest(UUID storeId, UUID orderId, @Nullable UUID shipmentId, HelpTopic topic, String message,
			@Nullable String contactEmail, String source, Instant now) {
		this.id = UUID.randomUUID();
		this.storeId = storeId;
		this.orderId = orderId;
		this.shipmentId = shipmentId;
		this.topic = topic;
		this.message = message;
		this.contactEmail = contactEmail;
		this.source = source;
		this.createdAt = now;
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

	public @Nullable UUID getShipmentId() {
		return this.shipmentId;
	}

	public HelpTopic getTopic() {
		return this.topic;
	}

	public String getMessage() {
		return this.message;
	}

	public @Nullable String getContactEmail() {
		return this.contactEmail;
	}

	public String getSource() {
		return this.source;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public @Nullable String getResolution() {
		return this.resolution;
	}

	public boolean isOpen() {
		return this.resolvedAt == null;
	}

	void resolve(String resolution, Instant now) {
		if (this.resolvedAt == null) {
			this.resolvedAt = now;
			this.resolution = resolution;
		}
	}

}
