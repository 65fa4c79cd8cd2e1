package dev.beacon.web.api;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.common.Hmac;

/**
 * Honours the {@code Idempotency-Key} header (Stripe semantics): the first request with a
 * key runs and its response is kept for 24 hours; the same key with the same body answers
 * that response again; with a different body 422; while the first is still running 409. A
 * request that fails with an error releases its key so it may be retried. A claim left
 * running by an instance that died is taken over once it is older than the lease
 * ({@code beacon.api.idempotency-lease}, 30 s): the request runs again, which is safe
 * because orders and shipments are unique by their business keys.
 */
@Component
class IdempotentRequests {

	private static final Duration RETENTION = Duration.ofHours(24);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final Duration lease;

	IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, ApiLimits limits) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
		this.lease = limits.idempotencyLease();
	}

	ResponseEntity<?> execute(UUID storeId, @Nullable String key, String operation, Object request,
			Supplier<ResponseEntity<?>> action) {
		if (key == null) {
			return action.get();
		}
		if (key.isBlank() || key.length() > 255) {
			throw new IdempotencyException(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
					"Idempotency-Key must be 1 to 255 characters");
		}
		String fingerprint = sha256(operation + "\n" + this.json.writeValueAsString(request));
		boolean mine = Boolean.TRUE.equals(this.tx.execute((s) -> {
			this.jdbc.update(
					"delete from api_idempotency_keys where store_id = ? and key = ? and created_at < now() - ?::interval",
					storeId, key, RETENTION.toSeconds() + " seconds");
			boolean claimed = this.jdbc.update("""
					insert into api_idempotency_keys (store_id, key, fingerprint, state, created_at)
					values (?, ?, ?, 'RUNNING', now()) on conflict (store_id, key) do nothing""", storeId, key,
					fingerprint) == 1;
			// a claim whose lease ran out was left by a crash: take it over
			return claimed || this.jdbc.update("""
					update api_idempotency_keys set fingerprint = ?, created_at = now()
					where store_id = ? and key = ? and state = 'RUNNING' and created_at < now() - ?::interval""",
					fingerprint, storeId, key, this.lease.toMillis() + " milliseconds") == 1;
		}));
		if (!mine) {
			return replay(storeId, key, fingerprint);
		}
		ResponseEntity<?> response;
		try {
			response = action.get();
		}
		catch (RuntimeException ex) {
			this.jdbc.update("delete from api_idempotency_keys where store_id = ? and key = ?", storeId, key);
			throw ex;
		}
		String body = (response.getBody() != null) ? this.json.writeValueAsString(response.getBody()) : null;
		String location = (response.getHeaders().getLocation() != null) ? response.getHeaders().getLocation().toString()
				: null;
		this.jdbc.update("""
				update api_idempotency_keys set state = 'DONE', response_status = ?, response_body = ?, location = ?
				where store_id = ? and key = ?""", response.getStatusCode().value(), body, location, storeId, key);
		return response;
	}

	private ResponseEntity<?> replay(UUID storeId, String key, String fingerprint) {
		return this.jdbc.query(
				"select fingerprint, state, response_status, response_body, location from api_idempotency_keys where store_id = ? and key = ?",
				(rs) -> {
					if (!rs.next()) {
						throw new IdempotencyException(HttpStatus.CONFLICT, "Request in progress",
								"a request with this Idempotency-Key is being processed; retry shortly");
					}
					if (!"DONE".equals(rs.getString("state"))) {
						throw new IdempotencyException(HttpStatus.CONFLICT, "Request in progress",
								"a request with this Idempotency-Key is being processed; retry shortly");
					}
					if (!fingerprint.equals(rs.getString("fingerprint"))) {
						throw new IdempotencyException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
								"this Idempotency-Key was used with a different request body");
					}
					HttpHeaders headers = new HttpHeaders();
					headers.set("Idempotent-Replayed", "true");
					if (rs.getString("location") != null) {
						headers.set(HttpHeaders.LOCATION, rs.getString("location"));
					}
					headers.setContentType(MediaType.APPLICATION_JSON);
					return ResponseEntity.status(rs.getInt("response_status"))
						.headers(headers)
						.body(rs.getString("response_body"));
				}, storeId, key);
	}

	private static String sha256(String s) {
		return Hmac.sha256Hex(s);
	}

}
