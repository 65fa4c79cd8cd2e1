package dev.beacon.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of orders ends (newest first: creation time, then id), as the opaque
 * string the API hands out.
 */
record OrderCursor(Instant createdAt, UUID id) {

	String encode() {
		String raw = this.createdAt.toString() + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static OrderCursor decode(String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			String[] parts = raw.split("\\|", 2);
			return new OrderCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
		}
		catch (RuntimeException ex) {
			throw new OrderException(OrderException.Kind.INVALID, "cursor", "cursor is not one this API issued");
		}
	}

}
