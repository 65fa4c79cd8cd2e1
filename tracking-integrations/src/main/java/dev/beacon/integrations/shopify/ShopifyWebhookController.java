package dev.beacon.integrations.shopify;

import dev.beacon.common.JsonFields;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.common.Hmac;
import dev.beacon.integrations.Connection;
import dev.beacon.integrations.Connections;
import dev.beacon.integrations.IntegrationsProperties;

/**
 * Every Shopify topic at one address. {@code X-Shopify-Hmac-Sha256} is checked over the
 * raw body, with the connected shop's secret (and the public app's client secret), before
 * the body is parsed or anything written: 401 otherwise. Repeated deliveries (same
 * {@code X-Shopify-Webhook-Id}) change nothing. {@code /webhooks/carriers/shopify} (where
 * the carriers module took fulfillment webhooks before) is an alias: same verification,
 * de-duplication and handling.
 */
@RestController
class ShopifyWebhookController {

	private final Connections connections;

	static final int MAX_WEBHOOK_ID = 255;

	private final ShopifyWebhooks webhooks;

	private final IntegrationsProperties properties;

	private final JsonMapper json;

	ShopifyWebhookController(Connections connections, ShopifyWebhooks webhooks, IntegrationsProperties properties,
			JsonMapper json) {
		this.connections = connections;
		this.webhooks = webhooks;
		this.properties = properties;
		this.json = json;
	}

	@PostMapping({ "/webhooks/shopify", "/webhooks/shopify/compliance", "/webhooks/carriers/shopify" })
	ResponseEntity<?> receive(@RequestHeader(name = "X-Shopify-Shop-Domain", required = false) @Nullable String shop,
			@RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) @Nullable String signature,
			@RequestHeader(name = "X-Shopify-Topic", required = false) @Nullable String topic,
			@RequestHeader(name = "X-Shopify-Webhook-Id", required = false) @Nullable String webhookId,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		Optional<Connection> connection = (shop != null)
				? this.connections.byAccount(Connection.SHOPIFY, shop.strip().toLowerCase(Locale.ROOT))
				: Optional.empty();
		if (connection.isEmpty() || !verified(connection.get(), raw, signature)) {
			return problem(HttpStatus.UNAUTHORIZED, "Invalid signature",
					"X-Shopify-Hmac-Sha256 does not match the secret of this shop");
		}
		JsonNode payload = JsonFields.object(this.json, raw);
		if (payload == null || topic == null || topic.isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed delivery",
					"a JSON object body and an X-Shopify-Topic header are required");
		}
		String id = (webhookId != null && !webhookId.isBlank()) ? webhookId.strip() : null;
		if (id != null && id.length() > MAX_WEBHOOK_ID) {
			// the delivery id is the de-duplication key; Shopify's are UUIDs
			return problem(HttpStatus.BAD_REQUEST, "Malformed delivery",
					"X-Shopify-Webhook-Id must be at most " + MAX_WEBHOOK_ID + " characters");
		}
		ShopifyWebhooks.Result result = this.webhooks.handle(connection.get(), topic.strip(), id, payload);
		HttpStatus status = (result == ShopifyWebhooks.Result.IGNORED) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		return ResponseEntity.status(status).body(Map.of("result", result.name().toLowerCase(Locale.ROOT)));
	}

	private boolean verified(Connection c, byte[] raw, @Nullable String signature) {
		List<String> secrets = new ArrayList<>();
		secrets.add(c.signingSecret());
		String clientSecret = this.properties.shopify().clientSecret();
		if (clientSecret != null && !clientSecret.isBlank()) {
			secrets.add(clientSecret);
		}
		for (String secret : secrets) {
			if (!secret.isEmpty() && Hmac.matchesBase64(secret, raw, signature)) {
				return true;
			}
		}
		return false;
	}

	static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
