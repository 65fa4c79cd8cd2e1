package dev.beacon.web.hooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.beacon.common.Hmac;

/**
 * Delivers webhook outbox rows. Rows are claimed with a lease
 * ({@code FOR UPDATE SKIP LOCKED}), so any number of instances share the work and one
 * delivery is attempted by one instance at a time. Each request carries
 * {@code Beacon-Event-Id} (receivers deduplicate on it: delivery is at least once) and
 * {@code Beacon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}. A 2xx answer delivers; anything else is retried with exponential backoff
 * (30 s doubling, at most 6 h) until {@code beacon.webhooks.max-attempts}, then DEAD.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	record Claimed(UUID id, UUID eventId, String type, String payload, int attempts, String url, String secret) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final WebhookSettings settings;

	private final HttpClient http;

	private final Clock clock;

	WebhookDispatcher(NamedParameterJdbcTemplate jdbc, WebhookSettings settings, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${beacon.webhooks.tick:2s}", initialDelayString = "${beacon.webhooks.tick:2s}")
	void tick() {
		if (this.settings.dispatch()) {
			dispatch();
		}
	}

	/** Claims and attempts the due deliveries; answers how many were attempted. */
	int dispatch() {
		List<Claimed> claimed = this.jdbc.query("""
				update webhook_deliveries d set lease_until = now() + interval '2 minutes', attempts = d.attempts + 1
				from (select id from webhook_deliveries
				      where status = 'PENDING' and next_attempt_at <= now()
				        and (lease_until is null or lease_until < now())
				      order by next_attempt_at limit 20 for update skip locked) due, webhook_endpoints e
				where d.id = due.id and e.id = d.endpoint_id
				returning d.id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.secret""",
				new MapSqlParameterSource(),
				(rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
						rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"),
						rs.getString("secret")));
		for (Claimed c : claimed) {
			attempt(c);
		}
		return claimed.size();
	}

	private void attempt(Claimed c) {
		long t = this.clock.instant().getEpochSecond();
		Integer status = null;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Beacon-Webhooks/1")
				.header("Beacon-Event-Id", c.eventId().toString())
				.header("Beacon-Event-Type", c.type())
				.header("Beacon-Signature", "t=" + t + ",v1=" + sign(c.secret(), t + "." + c.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
				.build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		var params = new MapSqlParameterSource("id", c.id()).addValue("status", status)
			.addValue("error", (error != null && error.length() > 500) ? error.substring(0, 500) : error);
		if (status != null && status >= 200 && status < 300) {
			this.jdbc.update("""
					update webhook_deliveries set status = 'DELIVERED', delivered_at = now(), last_status = :status,
					  last_error = null, lease_until = null where id = :id and status = 'PENDING'""", params);
			return;
		}
		if (error == null) {
			error = "HTTP " + status;
			params.addValue("error", error);
		}
		boolean dead = c.attempts() >= this.settings.maxAttempts();
		long backoff = Math.min(Duration.ofHours(6).toSeconds(), 30L << Math.min(c.attempts() - 1, 20));
		this.jdbc.update("""
				update webhook_deliveries set status = :next, last_status = :status, last_error = :error,
				  lease_until = null, next_attempt_at = now() + make_interval(secs => :backoff)
				where id = :id and status = 'PENDING'""",
				params.addValue("next", dead ? "DEAD" : "PENDING").addValue("backoff", backoff));
		log.info("Webhook {} to {} failed (attempt {}): {}{}", c.eventId(), c.url(), c.attempts(), error,
				dead ? "; giving up" : "");
	}

	static String sign(String secret, String message) {
		return Hmac.signHex(secret, message);
	}

}
