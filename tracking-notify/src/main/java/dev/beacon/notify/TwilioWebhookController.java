package dev.beacon.notify;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.order.TrackingLinks;

/**
 * Inbound SMS from Twilio ({@code POST /webhooks/twilio/sms}). Only requests carrying a
 * valid {@code X-Twilio-Signature} (HMAC of the public URL and the form parameters with
 * the account's auth token) change anything: STOP and its synonyms withdraw consent and
 * suppress the number, START re-enables it, HELP changes nothing (Twilio answers it).
 */
@RestController
class TwilioWebhookController {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

	static final Set<String> STOP = Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT",
			"CANCEL");

	static final Set<String> START = Set.of("START", "YES", "UNSTOP");

	static final Set<String> HELP = Set.of("HELP", "INFO");

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final TwilioProperties twilio;

	private final Consents consents;

	private final TrackingLinks links;

	private final Clock clock;

	TwilioWebhookController(TwilioProperties twilio, Consents consents, TrackingLinks links, Clock clock) {
		this.twilio = twilio;
		this.consents = consents;
		this.links = links;
		this.clock = clock;
	}

	@PostMapping(path = "/webhooks/twilio/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Transactional
	ResponseEntity<?> inbound(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
			@RequestParam Map<String, String> params) {
		if (!this.twilio.configured()) {
			return problem(HttpStatus.NOT_FOUND, "SMS is not configured", "beacon.sms.twilio.* is not set");
		}
		String url = this.links.baseUrl() + request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		Map<String, String> form = new HashMap<>(params);
		if (request.getQueryString() != null) {
			// query parameters are part of the signed URL, not of the signed body
			for (String pair : request.getQueryString().split("&")) {
				form.remove(java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		if (signature == null || !new RequestValidator(this.twilio.authToken()).validate(url, form, signature)) {
			log.warn("Rejected a Twilio webhook with a missing or invalid signature");
			return problem(HttpStatus.FORBIDDEN, "Invalid signature", "X-Twilio-Signature does not match");
		}
		String from = Recipients.phone(params.get("From"));
		if (from == null) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid sender", "From must be an E.164 number");
		}
		String keyword = keyword(params.get("OptOutType"), params.get("Body"));
		switch (keyword) {
			case "STOP" -> {
				this.consents.recordConsentEverywhere(from, false, "twilio:STOP", this.clock.instant());
				this.consents.suppress(Channel.SMS, from, "opted out by replying STOP", this.clock.instant());
			}
			case "START" -> {
				this.consents.unsuppress(Channel.SMS, from);
				this.consents.recordConsentEverywhere(from, true, "twilio:START", this.clock.instant());
			}
			default -> {
				// HELP or a message: Twilio's advanced opt-out answers HELP itself
			}
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
	}

	static String keyword(String optOutType, String body) {
		if (optOutType != null && !optOutType.isBlank()) {
			return optOutType.strip().toUpperCase(Locale.ROOT);
		}
		String word = (body != null) ? body.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT) : "";
		if (STOP.contains(word)) {
			return "STOP";
		}
		if (START.contains(word)) {
			return "START";
		}
		return HELP.contains(word) ? "HELP" : "MESSAGE";
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(title);
		p.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
	}

}
