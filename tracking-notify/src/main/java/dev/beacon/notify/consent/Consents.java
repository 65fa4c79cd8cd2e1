package dev.beacon.notify.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.beacon.notify.Channel;
import dev.beacon.notify.ShopperPreferences;

/** Shopper preferences, SMS consent and suppressions. */
@Repository
public class Consents {

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ShopperPreferences preferences(UUID storeId, String email) {
		return this.jdbc
			.sql("select email_enabled, sms_enabled, non_essential from notify_shopper_preferences "
					+ "where store_id = ? and email = ?")
			.params(storeId, email)
			.query((rs, i) -> new ShopperPreferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional()
			.orElse(ShopperPreferences.defaults());
	}

	/**
	 * The preferences of these addresses in these stores that differ from the defaults,
	 * keyed {@link #key}, in one read (a batch of messages).
	 */
	public Map<String, ShopperPreferences> preferences(Collection<UUID> storeIds, Collection<String> emails) {
		Map<String, ShopperPreferences> found = new HashMap<>();
		this.jdbc
			.sql("select store_id, email, email_enabled, sms_enabled, non_essential from notify_shopper_preferences "
					+ "where store_id = any(?) and email = any(?)")
			.params(storeIds.toArray(UUID[]::new), emails.toArray(String[]::new))
			.query((rs) -> {
				found.put(key(rs.getObject(1, UUID.class), rs.getString(2)),
						new ShopperPreferences(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)));
			});
		return found;
	}

	/** The key of a store's address or number in the maps of the batch reads. */
	public static String key(UUID storeId, String address) {
		return storeId + ":" + address;
	}

	public void savePreferences(UUID storeId, String email, ShopperPreferences p, Instant now) {
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

	public boolean smsConsent(UUID storeId, String phone) {
		return this.jdbc.sql("select consented from notify_sms_consent where store_id = ? and phone = ?")
			.params(storeId, phone)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Which of these numbers consented to SMS from these stores, keyed {@link #key}, in
	 * one read (a batch of messages).
	 */
	public Set<String> smsConsents(Collection<UUID> storeIds, Collection<String> phones) {
		Set<String> found = new HashSet<>();
		this.jdbc
			.sql("select store_id, phone from notify_sms_consent where consented and store_id = any(?) "
					+ "and phone = any(?)")
			.params(storeIds.toArray(UUID[]::new), phones.toArray(String[]::new))
			.query((rs) -> {
				found.add(key(rs.getObject(1, UUID.class), rs.getString(2)));
			});
		return found;
	}

	public void recordConsent(UUID storeId, String phone, boolean consented, String source, Instant now) {
		this.jdbc.sql("""
				insert into notify_sms_consent (store_id, phone, consented, source, updated_at) values (?, ?, ?, ?, ?)
				on conflict (store_id, phone) do update set consented = excluded.consented, source = excluded.source,
				  updated_at = excluded.updated_at""")
			.params(storeId, phone, consented, source, Timestamp.from(now))
			.update();
	}

	/**
	 * An inbound STOP from Twilio concerns the shared sender, so it withdraws consent in
	 * every store that has the number (system job, across stores); changes newer than
	 * {@code now} stand.
	 */
	public int withdrawEverywhere(String phone, String source, Instant now) {
		return this.jdbc
			.sql("update notify_sms_consent set consented = false, source = ?, updated_at = ? "
					+ "where phone = ? and consented and updated_at <= ?")
			.params(source, Timestamp.from(now), phone, Timestamp.from(now))
			.update();
	}

	/**
	 * An inbound START restores only what a STOP withdrew ({@code stopSource}); an
	 * opt-out recorded any other way (the shopper, an agent, checkout) stands.
	 */
	public int restoreAfterStop(String phone, String stopSource, String source, Instant now) {
		return this.jdbc
			.sql("update notify_sms_consent set consented = true, source = ?, updated_at = ? "
					+ "where phone = ? and not consented and source = ? and updated_at <= ?")
			.params(source, Timestamp.from(now), phone, stopSource, Timestamp.from(now))
			.update();
	}

	/**
	 * Records an inbound keyword once per MessageSid; false for a replay, or when a newer
	 * keyword of the number was already applied.
	 */
	public boolean firstAndNewest(String messageSid, String phone, String keyword, Instant receivedAt) {
		boolean newer = this.jdbc.sql("select count(*) from notify_sms_inbound where phone = ? and received_at > ?")
			.params(phone, Timestamp.from(receivedAt))
			.query(Integer.class)
			.single() == 0;
		int inserted = this.jdbc
			.sql("insert into notify_sms_inbound (message_sid, phone, keyword, received_at) values (?, ?, ?, ?) "
					+ "on conflict (message_sid) do nothing")
			.params(messageSid, phone, keyword, Timestamp.from(receivedAt))
			.update();
		return inserted == 1 && newer;
	}

	public Optional<String> suppression(Channel channel, String address) {
		return this.jdbc.sql("select reason from notify_suppressions where channel = ? and address = ?")
			.params(channel.name(), address)
			.query(String.class)
			.optional();
	}

	public void suppress(Channel channel, String address, String reason, Instant now) {
		this.jdbc.sql("""
				insert into notify_suppressions (channel, address, reason, created_at) values (?, ?, ?, ?)
				on conflict (channel, address) do update set reason = excluded.reason""")
			.params(channel.name(), address, reason, Timestamp.from(now))
			.update();
	}

	/** Lifts a suppression, but only one recorded for one of {@code reasons}. */
	public void unsuppress(Channel channel, String address, java.util.Collection<String> reasons) {
		this.jdbc
			.sql("delete from notify_suppressions where channel = :channel and address = :address "
					+ "and reason in (:reasons)")
			.param("channel", channel.name())
			.param("address", address)
			.param("reasons", reasons)
			.update();
	}

}
