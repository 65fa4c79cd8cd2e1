package dev.beacon.web.api;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.ErasedShopper;
import dev.beacon.order.PersonalDataErasure;
import dev.beacon.retention.AgedRowsSweep;
import dev.beacon.retention.RetentionProperties;

/**
 * Idempotency-Key records keep the first response (an order's JSON carries its shopper's
 * contact details): deleted after {@code beacon.retention.idempotency-keys}, and at once
 * for an order whose personal data is erased.
 */
@Component
class IdempotencyRetention extends AgedRowsSweep implements PersonalDataErasure {

	private final JdbcTemplate jdbc;

	IdempotencyRetention(JdbcTemplate jdbc) {
		super(jdbc, "idempotency-keys", "api_idempotency_keys", "created_at", "true",
				RetentionProperties::idempotencyKeys);
		this.jdbc = jdbc;
	}

	@Override
	public void erase(ErasedShopper shopper) {
		this.jdbc.update("""
				delete from api_idempotency_keys
				where store_id = ? and response_body is not null and position(? in response_body) > 0""",
				shopper.storeId(), shopper.orderId().toString());
	}

}
