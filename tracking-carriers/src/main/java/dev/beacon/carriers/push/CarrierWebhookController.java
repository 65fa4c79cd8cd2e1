package dev.beacon.carriers.push;

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

/**
 * Signed inbound webhooks. The signature is checked over the raw body before anything is
 * parsed or written; a bad or missing signature (or an unknown sender) is a 401 problem.
 * Store mapping: Shopify deliveries are matched by {@code X-Shopify-Shop-Domain} to the
 * store that connected that shop (after the HMAC check, with that shop's secret);
 * EasyPost deliveries carry the store slug in the path.
 */
@RestController
class CarrierWebhookController {

	private final WebhookSources sources;

	private final PushIngestion ingestion;

	private final JsonMapper json;

	CarrierWebhookController(WebhookSources sources, PushIngestion ingestion, JsonMapper json) {
		this.sources = sources;
		this.ingestion = ingestion;
		this.json = json;
	}

	@PostMapping("/webhooks/carriers/easypost/{storeSlug}")
	ResponseEntity<?> easyPost(@PathVariable String storeSlug,
			@RequestHeader(name = "X-Hmac-Signature", required = false) @Nullable String signature,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		Optional<WebhookSources.Source> source = this.sources.find("easypost", storeSlug);
		if (source.isEmpty() || !Signatures.easyPost(source.get().secret(), raw, signature)) {
			return unauthorized("X-Hmac-Signature does not match this endpoint's webhook secret");
		}
		JsonNode event = parse(raw);
		if (event == null) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed body", "the body is not a JSON object");
		}
		return ok(this.ingestion.easyPost(source.get().storeId(), event));
	}

	@PostMapping("/webhooks/carriers/shopify")
	ResponseEntity<?> shopify(@RequestHeader(name = "X-Shopify-Shop-Domain", required = false) @Nullable String shop,
			@RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) @Nullable String signature,
			@RequestHeader(name = "X-Shopify-Topic", required = false) @Nullable String topic,
			@RequestHeader(name = "X-Shopify-Event-Id", required = false) @Nullable String eventId,
			@RequestHeader(name = "X-Shopify-Webhook-Id", required = false) @Nullable String webhookId,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		Optional<WebhookSources.Source> source = (shop != null) ? this.sources.find("shopify", shop) : Optional.empty();
		if (source.isEmpty() || !Signatures.shopify(source.get().secret(), raw, signature)) {
			return unauthorized("X-Shopify-Hmac-Sha256 does not match the secret of this shop");
		}
		JsonNode payload = parse(raw);
		if (payload == null || topic == null || topic.isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed delivery",
					"a JSON object body and an X-Shopify-Topic header are required");
		}
		String id = (eventId != null && !eventId.isBlank()) ? eventId : webhookId;
		return ok(this.ingestion.shopify(source.get().storeId(), topic.strip(), id, payload));
	}

	private @Nullable JsonNode parse(byte[] raw) {
		try {
			JsonNode node = this.json.readTree(raw);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static ResponseEntity<?> ok(PushIngestion.Result result) {
		HttpStatus status = (result == PushIngestion.Result.IGNORED) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		return ResponseEntity.status(status).body(Map.of("result", result.name().toLowerCase()));
	}

	private static ResponseEntity<?> unauthorized(String detail) {
		return problem(HttpStatus.UNAUTHORIZED, "Invalid signature", detail);
	}

	private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
