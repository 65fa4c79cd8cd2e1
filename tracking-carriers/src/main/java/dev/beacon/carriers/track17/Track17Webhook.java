package dev.beacon.carriers.track17;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.carriers.http.Json;
import dev.beacon.shipment.TransitionCause;

/**
 * 17TRACK pushes ({@code POST /webhooks/carriers/17track}). The {@code sign} header must
 * be {@code hex(SHA-256(rawBody + "/" + apiKey))}: it is checked over the raw bytes
 * before anything is parsed or written; otherwise (or without an API key) the answer is a
 * 401 problem.
 */
@RestController
class Track17Webhook {

	private final Track17Properties properties;

	private final Track17Source source;

	private final JsonMapper json;

	Track17Webhook(Track17Properties properties, Track17Source source, JsonMapper json) {
		this.properties = properties;
		this.source = source;
		this.json = json;
	}

	@PostMapping("/webhooks/carriers/17track")
	@Transactional
	ResponseEntity<?> push(@RequestHeader(name = "sign", required = false) @Nullable String sign,
			@RequestBody(required = false) byte @Nullable [] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		String key = this.properties.apiKey();
		if (key == null || key.isBlank() || !signed(raw, key, sign)) {
			return problem(HttpStatus.UNAUTHORIZED, "Invalid signature",
					"the sign header does not match SHA-256(body + \"/\" + the 17TRACK API key)");
		}
		JsonNode event;
		try {
			event = this.json.readTree(raw);
		}
		catch (RuntimeException ex) {
			event = null;
		}
		if (event == null || !event.isObject()) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed body", "the body is not a JSON object");
		}
		String type = Json.textOr(event, "event", "");
		JsonNode data = event.path("data");
		return switch (type) {
			case "TRACKING_UPDATED" -> {
				int reached = this.source.apply(data, TransitionCause.PUSH, true);
				yield ResponseEntity.ok(Map.of("result", (reached > 0) ? "applied" : "unknown_number"));
			}
			case "TRACKING_STOPPED" -> {
				String number = Json.text(data, "number");
				if (number != null) {
					this.source.stopped(number);
				}
				yield ResponseEntity.ok(Map.of("result", "stopped"));
			}
			default -> ResponseEntity.accepted().body(Map.of("result", "ignored"));
		};
	}

	/**
	 * {@code sign} = lower-case hex of SHA-256 over the raw body, "/" and the API key.
	 */
	static String sign(byte[] raw, String apiKey) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(raw);
			digest.update(("/" + apiKey).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean signed(byte[] raw, String apiKey, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return false;
		}
		return MessageDigest.isEqual(sign(raw, apiKey).getBytes(StandardCharsets.US_ASCII),
				header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
