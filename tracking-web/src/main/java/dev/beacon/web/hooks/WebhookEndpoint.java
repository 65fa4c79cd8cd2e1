package dev.beacon.web.hooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A store backend's endpoint and the event types it wants ("*" for all). */
public record WebhookEndpoint(UUID id, UUID storeId, String url, String secret, List<String> events,
		Instant createdAt) {

	public boolean wants(String type) {
		return this.events.contains("*") || this.events.contains(type);
	}

}
