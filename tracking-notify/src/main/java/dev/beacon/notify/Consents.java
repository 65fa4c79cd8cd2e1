package dev.beacon.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shopper preferences, SMS consent and suppressions. */
@Repository
class Consents {

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ShopperPreferences preferences(UUID storeId, String email) {
		return this.jdbc
			.sql("select email_enabled, sms_enabled, non_essential from notify_shopper_preferences "
					+ "where store_id = ? and email = ?")
			.params(storeId, email)
			.query((rs, i) -> new ShopperPreferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional()
			.orElse(ShopperPreferences.defaults());
	}

	void savePreferences(UUID storeId, String email, ShopperPreferences p, Instant now) {
		this.jdbc
			.sql("""
					insert into notify_shopper_preferences (store_id, email, email_enabled, sms_enabled, non_essential, updated_at)
					values (?, ?, ?, ?, ?, ?)
					on conflict (store_id, email) do update set email_enabled = excluded.email_enabled,
					  sms_enabled = excluded.sms_enabled, non_essential = excluded.non_essential,
					  updated_at = excluded.updated_at""")
			.params(storeId, email, p.email(), p.sms(), p.nonEssential(), Timestamp.from(now))
			.update();
	}

	boolean smsConsent(UUID storeId, String phone) {
		return this.jdbc.sql("select consented from notify_sms_consent where store_id = ? and phone = ?")
			.params(storeId, phone)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void recordConsent(UUID storeId, String phone, boolean consented, String source, Instant now) {
		this.jdbc.sql("""
				insert into notify_sms_consent (store_id, phone, consented, source, updated_at) values (?, ?, ?, ?, ?)
				on conflict (store_id, phone) do update set consented = excluded.consented, source = excluded.source,
				  updated_at = excluded.updated_at""")
			.params(storeId, phone, consented, source, Timestamp.from(now))
			.update();
	}

	/**
	 * An inbound STOP or START from Twilio concerns the shared sender, so it applies to
	 * every store that has the number (system job, across stores).
	 */
	int recordConsentEverywhere(String phone, boolean consented, String source, Instant now) {
		return this.jdbc.sql("update notify_sms_consent set consented = ?, source = ?, updated_at = ? where phone = ?")
			.params(consented, source, Timestamp.from(now), phone)
			.update();
	}

	Optional<String> suppression(Channel channel, String address) {
		return this.jdbc.sql("select reason from notify_suppressions where channel = ? and address = ?")
			.params(channel.name(), address)
			.query(String.class)
			.optional();
	}

	void suppress(Channel channel, String address, String reason, Instant now) {
		this.jdbc.sql("""
				insert into notify_suppressions (channel, address, reason, created_at) values (?, ?, ?, ?)
				on conflict (channel, address) do update set reason = excluded.reason""")
			.params(channel.name(), address, reason, Timestamp.from(now))
			.update();
	}

	void unsuppress(Channel channel, String address) {
		this.jdbc.sql("delete from notify_suppressions where channel = ? and address = ?")
			.params(channel.name(), address)
			.update();
	}

}
