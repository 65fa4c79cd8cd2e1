package dev.beacon.notify;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.consent.Recipients;
import dev.beacon.order.ErasedShopper;
import dev.beacon.order.PersonalDataErasure;
import dev.beacon.order.SmsConsentRecorded;
import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * What notify does for the shopper's privacy: it records SMS consent given with an order
 * (the consent notify checks before any SMS), erases an order's message bodies and
 * recipients when its personal data is erased, and blanks finished messages' bodies after
 * {@code beacon.retention.message-bodies}. A blanked message keeps its trigger, channel,
 * status and times (the statistics).
 */
@Component
@Order(30)
class NotifyPrivacy implements PersonalDataErasure, RetentionSweep {

	static final String ERASED = "[erased]";

	private final JdbcClient jdbc;

	private final Consents consents;

	NotifyPrivacy(JdbcClient jdbc, Consents consents) {
		this.jdbc = jdbc;
		this.consents = consents;
	}

	@EventListener
	void on(SmsConsentRecorded e) {
		String phone = Recipients.phone(e.phone());
		if (phone != null) {
			this.consents.recordConsent(e.storeId(), phone, e.consented(), e.source(), e.at());
		}
	}

	@Override
	public void erase(ErasedShopper shopper) {
		this.jdbc.sql("""
				update notify_messages set status = 'SUPPRESSED', status_reason = 'not sent: personal data erased'
				where store_id = ? and order_id = ? and %s""".formatted(Messages.PENDING))
			.params(shopper.storeId(), shopper.orderId())
			.update();
		this.jdbc.sql("""
				update notify_messages set recipient = ?, subject = null, body_text = ?, body_html = null
				where store_id = ? and order_id = ?""")
			.params(ERASED, ERASED, shopper.storeId(), shopper.orderId())
			.update();
	}

	@Override
	public String name() {
		return "message-bodies";
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.sql("""
				update notify_messages set recipient = ?, subject = null, body_text = ?, body_html = null
				where id in (select id from notify_messages
				             where status not in ('PENDING', 'SENDING') and created_at < ? and body_text <> ?
				             limit ?)""")
			.params(ERASED, ERASED, Timestamp.from(now.minus(properties.messageBodies())), ERASED, limit)
			.update();
	}

}
