package dev.beacon.notify.sms;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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

import dev.beacon.notify.Channel;
import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.Recipients;

/**
 * Inbound SMS from Twilio ({@code POST /webhooks/twilio/sms}). Only requests carrying a
 * valid {@code X-Twilio-Signature} (HMAC of the public URL and the form parameters with
 * the account's auth token) change anything: STOP and its synonyms withdraw consent and
 * suppress the number, START restores only what a STOP withdrew (an opt-out given any
 * other way stands), HELP changes nothing (Twilio answers it). Each keyword is applied
 * once per {@code MessageSid}, and never after a newer keyword of the same number (a
 * replayed START cannot undo a later STOP).
 */
@RestController
class TwilioWebhookController {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

	static final Set<String> STOP = Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT",
			"CANCEL");

	static final Set<String> START = Set.of("START", "YES", "UNSTOP");

	static final Set<String> HELP = Set.of("HELP", "INFO");

	static final String STOP_SOURCE = "twilio:STOP";

	static final String STOP_REASON = "opted out by replying STOP";

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
		if (!keyword.equals("STOP") && !keyword.equals("START")) {
			// HELP or a message: Twilio's advanced opt-out answers HELP itself
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
		}
		Instant now = this.clock.instant();
		String sid = params.getOrDefault("MessageSid", params.get("SmsSid"));
		if (sid == null || sid.isBlank() || sid.length() > 64) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid message", "MessageSid is required");
		}
		if (!this.consents.firstAndNewest(sid, from, keyword, now)) {
			log.info("Ignored a replayed or out-of-order {} ({})", keyword, sid);
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
		}
		if (keyword.equals("STOP")) {
			this.consents.withdrawEverywhere(from, STOP_SOURCE, now);
			this.consents.suppress(Channel.SMS, from, STOP_REASON, now);
		}
		else {
			this.consents.unsuppress(Channel.SMS, from, List.of(STOP_REASON, SmsSender.OPTED_OUT_REASON));
			this.consents.restoreAfterStop(from, STOP_SOURCE, "twilio:START", now);
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
