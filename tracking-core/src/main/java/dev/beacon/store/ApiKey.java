package dev.beacon.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A store's API key. Only a SHA-256 hash and a short display prefix are kept. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

	@Id
	private UUID id;

	@Column(name = "store_id")
	private UUID storeId;

	private String label;

	/** The first characters of the key, to tell keys apart in the console. */
	private String prefix;

	@Column(name = "key_hash")
	private String keyHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Version
	private @Nullable Long version;

	protected ApiKey() {
	}

	ApiKey(UUID storeId, String label, String prefix, String keyHash, Instant now) {
		this.id = UUID.randomUUID();
		this.storeId = storeId;
		this.label = label;
		this.prefix = prefix;
		this.keyHash = keyHash;
		this.createdAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getStoreId() {
		return this.storeId;
	}

	public String getLabel() {
		return this.label;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	public boolean isActive() {
		return this.revokedAt == null;
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

}
