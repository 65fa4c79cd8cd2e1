package dev.beacon.integrations.woocommerce;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.common.Hmac;
import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Connections;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import static dev.beacon.common.JsonFields.text;

/**
 * WooCommerce webhooks of one store. The unsigned creation ping (a form body
 * {@code webhook_id=<digits>}) answers 200 and does nothing; everything else must carry
 * {@code X-WC-Webhook-Signature} = base64(HMAC-SHA256(secret, raw body)), checked before
 * the body is parsed or anything written (401 otherwise). After an order was applied, the
 * tracking of its core fulfillments is read from the site in the background.
 */
@RestController
class WooWebhookController {

	private final StoreManagement stores;

	private final Connections connections;

	private final WooWebhooks webhooks;

	private final WooFulfillments fulfillments;

	private final JsonMapper json;

	WooWebhookController(StoreManagement stores, Connections connections, WooWebhooks webhooks,
			WooFulfillments fulfillments, JsonMapper json) {
		this.stores = stores;
		this.connections = connections;
		this.webhooks = webhooks;
		this.fulfillments = fulfillments;
		this.json = json;
	}

	@PostMapping("/webhooks/woocommerce/{storeSlug}")
	ResponseEntity<?> receive(@PathVariable String storeSlug,
			@RequestHeader(name = "X-WC-Webhook-Signature", required = false) @Nullable String signature,
			@RequestHeader(name = "X-WC-Webhook-Topic", required = false) @Nullable String topic,
			@RequestHeader(name = "X-WC-Webhook-Delivery-ID", required = false) @Nullable String deliveryId,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		if (signature == null && isPing(raw)) {
			return ResponseEntity.ok(Map.of("result", "ping"));
		}
		Optional<Connection> connection = this.stores.bySlug(storeSlug)
			.map(Store::getId)
			.flatMap((id) -> this.connections.find(id, Connection.WOOCOMMERCE));
		// a secret Beacon cannot read (another beacon.secrets.key) verifies nothing
		if (connection.isEmpty() || !connection.get().credentialsReadable()
				|| !Hmac.matchesBase64(connection.get().signingSecret(), raw, signature)) {
			return problem(HttpStatus.UNAUTHORIZED, "Invalid signature",
					"X-WC-Webhook-Signature does not match this store's webhook secret");
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(raw);
		}
		catch (RuntimeException ex) {
			payload = null;
		}
		if (payload == null || !payload.isObject() || topic == null || topic.isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed delivery",
					"a JSON object body and an X-WC-Webhook-Topic header are required");
		}
		// WooCommerce's delivery id is wp_hash(webhook id . second): two different
		// deliveries of one webhook in the same second share it, so a repeat is the same
		// id with the same body
		String id = (deliveryId != null && !deliveryId.isBlank())
				? Hmac.sha256Hex(deliveryId.strip() + "\n" + new String(raw, StandardCharsets.UTF_8)) : null;
		WooWebhooks.Result result = this.webhooks.handle(connection.get(), topic.strip(), id, payload);
		String orderId = text(payload, "id");
		if (result == WooWebhooks.Result.APPLIED && orderId != null && !topic.strip().equals("order.deleted")) {
			// committed: the order exists for the background read of its fulfillments
			this.fulfillments.afterWebhook(connection.get(), orderId);
		}
		HttpStatus status = (result == WooWebhooks.Result.IGNORED) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		return ResponseEntity.status(status).body(Map.of("result", result.name().toLowerCase(Locale.ROOT)));
	}

	static boolean isPing(byte[] raw) {
		return raw.length < 64 && new String(raw, StandardCharsets.US_ASCII).strip().matches("webhook_id=\\d+");
	}

	static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
