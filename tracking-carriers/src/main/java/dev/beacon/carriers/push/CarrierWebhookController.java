package dev.beacon.carriers.push;

import dev.beacon.common.JsonFields;
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
 * EasyPost deliveries carry the store slug in the path.
 * ({@code /webhooks/carriers/shopify} is served by the integrations module, as an alias
 * of {@code /webhooks/shopify}.)
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
		JsonNode event = JsonFields.object(this.json, raw);
		if (event == null) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed body", "the body is not a JSON object");
		}
		return ok(this.ingestion.easyPost(source.get().storeId(), event));
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
