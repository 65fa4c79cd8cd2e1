package dev.beacon.web.hooks;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.common.BackgroundLoops;
import dev.beacon.common.Hmac;
import dev.beacon.common.OutboundAddressPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Delivers webhook outbox rows. A loop ({@code webhook-dispatcher}) finds due rows and
 * hands each to a bounded pool of workers ({@code beacon.webhooks.workers}), at most
 * {@code beacon.webhooks.per-store-concurrency} per store, taking its lease (with a fresh
 * token that fences the outcome) only when a worker is free; the lease outlives the
 * attempt's hard cut-off, so no other instance attempts it meanwhile. Each request goes
 * to the address core's {@link OutboundAddressPolicy} checked (pinned: resolved once,
 * refused when not public), carries {@code Beacon-Event-Id} (receivers deduplicate on it:
 * delivery is at least once) and {@code Beacon-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body">}. A 2xx answer delivers; anything else is retried with
 * exponential backoff (30 s doubling, at most 6 h) until
 * {@code beacon.webhooks.max-attempts}, then DEAD. Only a coarse failure category is
 * stored ({@code timeout}, {@code connect_failed}, {@code tls_error},
 * {@code http_<status>}), never exception text ({@link WebhookHttp}).
 */
@Component
class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	record Claimed(UUID id, UUID storeId, UUID endpointId, UUID eventId, String type, String payload, int attempts,
			String url, String secret, UUID leaseToken) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final WebhookSettings settings;

	private final Clock clock;

	private final WebhookHttp http;

	private final ExecutorService workers;

	private final Semaphore slots;

	private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	WebhookDispatcher(NamedParameterJdbcTemplate jdbc, WebhookSettings settings, OutboundAddressPolicy addresses,
			BackgroundLoops loops, Clock clock, ObjectProvider<MeterRegistry> meters) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		int size = Math.max(1, settings.workers());
		this.http = new WebhookHttp(addresses, settings.timeout(), size);
		AtomicInteger n = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(size, (r) -> daemon(r, "beacon-webhook-" + n.incrementAndGet()));
		this.slots = new Semaphore(size);
		if (settings.dispatch()) {
			loops.register("webhook-dispatcher", settings.tick(), this::submitDue);
		}
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	/**
	 * Attempts every due delivery and waits for the attempts; answers how many were
	 * attempted.
	 */
	int dispatch() {
		int total = 0;
		List<Future<?>> started;
		do {
			started = submitDue();
			for (Future<?> f : started) {
				try {
					f.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return total;
				}
				catch (ExecutionException ex) {
					log.error("Webhook attempt failed unexpectedly", ex.getCause());
				}
			}
			total += started.size();
		}
		while (!started.isEmpty());
		return total;
	}

	/**
	 * Hands due deliveries to free workers (fairly across stores) without waiting for
	 * them.
	 */
	List<Future<?>> submitDue() {
		int cap = Math.max(1, this.settings.perStoreConcurrency());
		List<Map<String, Object>> due = this.jdbc.queryForList("""
				select id, store_id from (
				  select id, store_id, next_attempt_at,
				         row_number() over (partition by store_id order by next_attempt_at, id) as n
				  from webhook_deliveries
				  where status = 'PENDING' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
				) d where n <= :cap order by next_attempt_at, id limit :limit""",
				new MapSqlParameterSource("cap", cap).addValue("limit", 4 * Math.max(1, this.settings.workers())));
		List<Future<?>> started = new ArrayList<>();
		for (Map<String, Object> row : due) {
			UUID store = (UUID) row.get("store_id");
			if (!this.slots.tryAcquire()) {
				break;
			}
			AtomicInteger busy = this.inFlight.computeIfAbsent(store, (s) -> new AtomicInteger());
			if (busy.incrementAndGet() > cap) {
				release(store);
				continue;
			}
			Claimed c = claim((UUID) row.get("id"));
			if (c == null) {
				release(store);
				continue;
			}
			started.add(this.workers.submit(() -> {
				try {
					attempt(c);
				}
				catch (RuntimeException ex) {
					// the lease runs out and the delivery is attempted again
					log.error("Webhook delivery {} broke off: {}", c.id(), ex.toString());
				}
				finally {
					release(store);
				}
			}));
		}
		return started;
	}

	private void release(UUID store) {
		this.inFlight.computeIfPresent(store, (s, busy) -> (busy.decrementAndGet() <= 0) ? null : busy);
		this.slots.release();
	}

	private @Nullable Claimed claim(UUID id) {
		List<Claimed> claimed = this.jdbc.query("""
				update webhook_deliveries d set lease_until = now() + make_interval(secs => :lease),
				  lease_token = gen_random_uuid(), attempts = d.attempts + 1
				from webhook_endpoints e
				where d.id = :id and e.id = d.endpoint_id and d.status = 'PENDING' and d.next_attempt_at <= now()
				  and (d.lease_until is null or d.lease_until < now())
				returning d.id, d.store_id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, e.url,
				  e.secret, d.lease_token""",
				new MapSqlParameterSource("id", id).addValue("lease", this.settings.lease().toSeconds()),
				(rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
						rs.getObject("endpoint_id", UUID.class), rs.getObject("event_id", UUID.class),
						rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"),
						rs.getString("secret"), rs.getObject("lease_token", UUID.class)));
		return claimed.isEmpty() ? null : claimed.get(0);
	}

	private void attempt(Claimed c) {
		long t = this.clock.instant().getEpochSecond();
		WebhookHttp.Outcome outcome = this.http.post(c.url(), c.payload(),
				Map.of("Beacon-Event-Id", c.eventId().toString(), "Beacon-Event-Type", c.type(), "Beacon-Signature",
						"t=" + t + ",v1=" + sign(c.secret(), t + "." + c.payload())));
		record(c, outcome.status(), outcome.failure(), outcome.took());
	}

	private void record(Claimed c, @Nullable Integer status, @Nullable String failure, Duration took) {
		var params = new MapSqlParameterSource("id", c.id()).addValue("token", c.leaseToken())
			.addValue("status", status)
			.addValue("error", failure);
		String outcome;
		if (failure == null) {
			this.jdbc.update("""
					update webhook_deliveries set status = 'DELIVERED', delivered_at = now(), last_status = :status,
					  last_error = null, lease_until = null, lease_token = null
					where id = :id and status = 'PENDING' and lease_token = :token""", params);
			outcome = "delivered";
		}
		else {
			boolean dead = c.attempts() >= this.settings.maxAttempts();
			long backoff = Math.min(Duration.ofHours(6).toSeconds(), 30L << Math.min(c.attempts() - 1, 20));
			this.jdbc.update("""
					update webhook_deliveries set status = :next, last_status = :status, last_error = :error,
					  lease_until = null, lease_token = null, next_attempt_at = now() + make_interval(secs => :backoff)
					where id = :id and status = 'PENDING' and lease_token = :token""",
					params.addValue("next", dead ? "DEAD" : "PENDING").addValue("backoff", backoff));
			outcome = dead ? "dead" : "retry";
			log.info("Webhook {} to endpoint {} failed (attempt {}): {}{}", c.eventId(), c.endpointId(), c.attempts(),
					failure, dead ? "; giving up" : "");
		}
		String reason = (failure == null) ? "none"
				: failure.startsWith("http_") ? failure.substring(0, 6) + "xx" : failure;
		this.meters.counter("beacon.webhooks.deliveries", "outcome", outcome, "reason", reason).increment();
		Timer.builder("beacon.webhooks.delivery.duration")
			.tag("outcome", outcome)
			.description("Time from connecting to the store backend's answer (or the failure)")
			.register(this.meters)
			.record(took);
	}

	static String sign(String secret, String message) {
		return Hmac.signHex(secret, message);
	}

	@Override
	public void destroy() throws IOException {
		this.workers.shutdownNow();
		this.http.close();
	}

}
