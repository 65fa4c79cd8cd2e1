package dev.beacon.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.beacon.store.Store;

import dev.beacon.notify.consent.Recipients;

/** A store's notification settings, across three small tables. */
@Repository
public class StoreSettings {

	private final JdbcClient jdbc;

	StoreSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public NotificationSettings load(UUID storeId) {
		record Row(String fromName, String fromAddress, String replyTo, Integer maxPerDay, LocalTime quietStart,
				LocalTime quietEnd) {
		}
		Row row = this.jdbc.sql("""
				select from_name, from_address, reply_to, max_per_day, quiet_start, quiet_end
				from notify_store_settings where store_id = ?""")
			.param(storeId)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
					rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class)))
			.optional()
			.orElse(new Row(null, null, null, null, null, null));
		Map<Trigger, Set<Channel>> channels = new EnumMap<>(Trigger.class);
		for (Trigger t : Trigger.values()) {
			channels.put(t, !t.onByDefault() ? EnumSet.noneOf(Channel.class)
					: t.smsByDefault() ? EnumSet.of(Channel.EMAIL, Channel.SMS) : EnumSet.of(Channel.EMAIL));
		}
		this.jdbc.sql("select trigger, email, sms from notify_trigger_channels where store_id = ?")
			.param(storeId)
			.query((rs) -> {
				Set<Channel> set = EnumSet.noneOf(Channel.class);
				if (rs.getBoolean(2)) {
					set.add(Channel.EMAIL);
				}
				if (rs.getBoolean(3)) {
					set.add(Channel.SMS);
				}
				channels.put(Trigger.valueOf(rs.getString(1)), set);
			});
		Map<String, String> wording = new LinkedHashMap<>();
		this.jdbc
			.sql("select locale, message_key, text from notify_wording where store_id = ? order by locale, message_key")
			.param(storeId)
			.query((rs) -> {
				wording.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
			});
		return new NotificationSettings(row.fromName(), row.fromAddress(), row.replyTo(), row.maxPerDay(), channels,
				wording, row.quietStart(), row.quietEnd());
	}

	/**
	 * The store's own daily cap of messages per shipment and channel (null: the
	 * install's), as {@link #load} has it, in one small read (the dispatcher asks it for
	 * every capped message).
	 */
	@Nullable Integer maxPerShipmentPerDay(UUID storeId) {
		List<@Nullable Integer> caps = this.jdbc.sql("select max_per_day from notify_store_settings where store_id = ?")
			.param(storeId)
			.query((rs, i) -> (Integer) rs.getObject(1))
			.list();
		return caps.isEmpty() ? null : caps.get(0);
	}

	/**
	 * Where help for this store goes: the brand's support email, else the notification
	 * reply-to, else the sender address; null when the store has none of them.
	 */
	public @Nullable String supportAddress(Store store) {
		String brand = Recipients.email(store.getBrand().supportEmail());
		if (brand != null) {
			return brand;
		}
		NotificationSettings s = load(store.getId());
		String replyTo = Recipients.email(s.replyTo());
		return (replyTo != null) ? replyTo : Recipients.email(s.fromAddress());
	}

	/** Overrides of one locale as bundle key to text. */
	Map<String, String> wording(UUID storeId, String locale) {
		Map<String, String> wording = new LinkedHashMap<>();
		this.jdbc.sql("select message_key, text from notify_wording where store_id = ? and locale = ?")
			.param(storeId)
			.param(locale)
			.query((rs) -> {
				wording.put(rs.getString(1), rs.getString(2));
			});
		return wording;
	}

	void save(UUID storeId, NotificationSettings s, Instant now) {
		this.jdbc
			.sql("""
					insert into notify_store_settings (store_id, from_name, from_address, reply_to, max_per_day,
					  quiet_start, quiet_end, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (store_id) do update set from_name = excluded.from_name, from_address = excluded.from_address,
					  reply_to = excluded.reply_to, max_per_day = excluded.max_per_day, quiet_start = excluded.quiet_start,
					  quiet_end = excluded.quiet_end, updated_at = excluded.updated_at""")
			.params(storeId, s.fromName(), s.fromAddress(), s.replyTo(), s.maxPerShipmentPerDay(), s.quietStart(),
					s.quietEnd(), Timestamp.from(now))
			.update();
		for (Map.Entry<Trigger, Set<Channel>> e : s.channels().entrySet()) {
			this.jdbc.sql("""
					insert into notify_trigger_channels (store_id, trigger, email, sms) values (?, ?, ?, ?)
					on conflict (store_id, trigger) do update set email = excluded.email, sms = excluded.sms""")
				.params(storeId, e.getKey().name(), e.getValue().contains(Channel.EMAIL),
						e.getValue().contains(Channel.SMS))
				.update();
		}
		this.jdbc.sql("delete from notify_wording where store_id = ?").param(storeId).update();
		for (Map.Entry<String, String> e : s.wording().entrySet()) {
			List<String> parts = List.of(e.getKey().split(":", 2));
			this.jdbc.sql("insert into notify_wording (store_id, locale, message_key, text) values (?, ?, ?, ?)")
				.params(storeId, parts.get(0), parts.get(1), e.getValue())
				.update();
		}
	}

}
