package dev.beacon.web.api;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.ErasedShopper;
import dev.beacon.order.PersonalDataErasure;
import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * Idempotency-Key records keep the first response (an order's JSON carries its shopper's
 * contact details): deleted after {@code beacon.retention.idempotency-keys}, and at once
 * for an order whose personal data is erased.
 */
@Component
class IdempotencyRetention implements RetentionSweep, PersonalDataErasure {

	private final JdbcTemplate jdbc;

	IdempotencyRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "idempotency-keys";
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.update("""
				delete from api_idempotency_keys where ctid in (
				  select ctid from api_idempotency_keys where created_at < ? limit ?)""",
				Timestamp.from(now.minus(properties.idempotencyKeys())), limit);
	}

	@Override
	public void erase(ErasedShopper shopper) {
		this.jdbc.update("""
				delete from api_idempotency_keys
				where store_id = ? and response_body is not null and position(? in response_body) > 0""",
				shopper.storeId(), shopper.orderId().toString());
	}

}
