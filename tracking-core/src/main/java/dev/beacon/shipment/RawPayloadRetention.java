package dev.beacon.shipment;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.ErasedShopper;
import dev.beacon.order.PersonalDataErasure;
import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * Raw carrier payloads (pushed or polled, the JSON as received) can carry the recipient's
 * name and street address. They are blanked to {@code {}} when the order's personal data
 * is erased, and by retention once the shipment has been finished for
 * {@code beacon.retention.raw-payloads}. Normalized scans (code, text, place, time,
 * milestone) stay.
 */
@Component
@Order(10)
class RawPayloadRetention implements PersonalDataErasure, RetentionSweep {

	static final String ERASED = "{}";

	private final JdbcTemplate jdbc;

	RawPayloadRetention(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void erase(ErasedShopper shopper) {
		this.jdbc.update("""
				update tracking_events set raw_payload = ?
				where shipment_id in (select id from shipments where order_id = ? and store_id = ?)
				  and raw_payload <> ?""", ERASED, shopper.orderId(), shopper.storeId(), ERASED);
	}

	@Override
	public String name() {
		return "raw-payloads";
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.update("""
				update tracking_events set raw_payload = ? where id in (
				  select e.id from tracking_events e join shipments s on s.id = e.shipment_id
				  where e.raw_payload <> ?
				    and (s.removed_at is not null
				         or s.milestone in ('DELIVERED', 'RETURNED', 'EXPIRED', 'CANCELLED'))
				    and coalesce(s.removed_at, s.delivered_at, s.expired_at, s.updated_at) < ?
				  limit ?)""", ERASED, ERASED, Timestamp.from(now.minus(properties.rawPayloads())), limit);
	}

}
