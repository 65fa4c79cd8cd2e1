package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.beacon.common.Text;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * A stored scan. The raw part (code, text, payload, times, location) never changes once
 * written; the derived part (milestone, health, reason, rule) is rewritten only by a
 * replay when the carrier's mapping table changes.
 */
@Entity
@Table(name = "tracking_events")
public class TrackingEvent implements FoldedScan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "shipment_id", updatable = false)
	private UUID shipmentId;

	@Column(name = "store_id", updatable = false)
	private UUID storeId;

	/**
	 * The mapping table that read this scan: the shipment's carrier, or the source that
	 * reported it ({@code 17track}).
	 */
	@Column(updatable = false)
	private String carrier;

	@Column(name = "dedup_key", updatable = false)
	private String dedupKey;

	@Column(name = "raw_code", updatable = false)
	private String rawCode;

	@Column(name = "raw_text", updatable = false)
	private String rawText;

	@Column(name = "raw_payload", updatable = false)
	private String rawPayload;

	@Column(name = "occurred_at", updatable = false)
	private Instant occurredAt;

	@Column(name = "local_time", updatable = false)
	private @Nullable LocalDateTime localTime;

	@Column(name = "zone", updatable = false)
	private @Nullable String zone;

	@Embedded
	private ScanLocation location;

	@Enumerated(EnumType.STRING)
	private @Nullable Milestone milestone;

	@Enumerated(EnumType.STRING)
	private Health health;

	@Enumerated(EnumType.STRING)
	private @Nullable Reason reason;

	@Column(name = "action_required")
	private boolean actionRequired;

	@Column(name = "rule_id")
	private String ruleId;

	@Column(name = "rules_version")
	private String rulesVersion;

	@Column(updatable = false)
	private String source;

	@Column(name = "received_at", updatable = false)
	private Instant receivedAt;

	protected TrackingEvent() {
	}

	TrackingEvent(Shipment shipment, String table, RawScan scan, Normalization n, String rulesVersion, String source,
			Instant receivedAt) {
		this.shipmentId = shipment.getId();
		this.storeId = shipment.getStoreId();
		this.carrier = table;
		this.dedupKey = scan.effectiveDedupKey();
		this.rawCode = Text.cut(scan.rawCode(), 64);
		this.rawText = Text.fit(scan.rawText(), 1000);
		this.rawPayload = scan.rawPayload();
		// to the microsecond, as PostgreSQL keeps it: the scan in memory is the scan
		// stored
		this.occurredAt = scan.occurredAt().truncatedTo(ChronoUnit.MICROS);
		this.localTime = scan.localTime();
		this.zone = Text.cut(scan.zone(), 64);
		this.location = scan.location().fitted();
		this.source = source;
		this.receivedAt = receivedAt;
		apply(n, rulesVersion);
	}

	/** Rewrites the derived reading; answers whether it changed. */
	boolean apply(Normalization n, String version) {
		boolean changed = this.milestone != n.milestone() || this.health != n.health() || this.reason != n.reason()
				|| this.actionRequired != n.actionRequired() || !n.ruleId().equals(this.ruleId);
		this.milestone = n.milestone();
		this.health = n.health();
		this.reason = n.reason();
		this.actionRequired = n.actionRequired();
		this.ruleId = n.ruleId();
		this.rulesVersion = version;
		return changed;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public UUID getShipmentId() {
		return this.shipmentId;
	}

	public UUID getStoreId() {
		return this.storeId;
	}

	public String getCarrier() {
		return this.carrier;
	}

	public String getDedupKey() {
		return this.dedupKey;
	}

	public String getRawCode() {
		return this.rawCode;
	}

	public String getRawText() {
		return this.rawText;
	}

	public String getRawPayload() {
		return this.rawPayload;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public @Nullable LocalDateTime getLocalTime() {
		return this.localTime;
	}

	public @Nullable String getZone() {
		return this.zone;
	}

	public ScanLocation getLocation() {
		return (this.location != null) ? this.location : ScanLocation.unknown();
	}

	public @Nullable Milestone getMilestone() {
		return this.milestone;
	}

	public Health getHealth() {
		return this.health;
	}

	public @Nullable Reason getReason() {
		return this.reason;
	}

	public boolean isActionRequired() {
		return this.actionRequired;
	}

	public String getRuleId() {
		return this.ruleId;
	}

	public String getRulesVersion() {
		return this.rulesVersion;
	}

	public String getSource() {
		return this.source;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

}
