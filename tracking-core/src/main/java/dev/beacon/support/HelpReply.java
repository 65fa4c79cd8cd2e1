package dev.beacon.support;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agent's reply to a help request; it reaches the shopper by email. */
@Entity
@Table(name = "help_replies")
public class HelpReply {

	@Id
	private UUID id;

	@Column(name = "store_id")
	private UUID storeId;

	@Column(name = "help_request_id")
	private UUID helpRequestId;

	private String author;

	private String text;

	@Column(name = "created_at")
	private Instant createdAt;

	protected HelpReply() {
	}

	HelpReply(UUID storeId, UUID helpRequestId, String author, String text, Instant now) {
		this.id = UUID.randomUUID();
		this.storeId = storeId;
		this.helpRequestId = helpRequestId;
		this.author = author;
		this.text = text;
		this.createdAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getStoreId() {
		return this.storeId;
	}

	public UUID getHelpRequestId() {
		return this.helpRequestId;
	}

	/** The console user who wrote it. */
	public String getAuthor() {
		return this.author;
	}

	public String getText() {
		return this.text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
