package dev.beacon.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.beacon.common.RecentCopies;
import dev.beacon.store.Store;

import dev.beacon.notify.consent.Recipients;

/**
 * A store's notification settings, across three small tables. The dispatcher reads the
 * stores' basics and wording, and the outbox the channels of each trigger, through
 * per-instance copies ({@link RecentCopies}) kept at most {@link #STALENESS}
 * ({@link #recentBasics}, {@link #recentWordings}, {@link #recentChannels}), as the store
 * itself is kept ({@code StoreManagement.recentById}): a change saved here drops this
 * instance's copy at once and again after its transaction completes; another instance
 * sends by the old settings (cap, sender identity, quiet hours, wording) and queues by
 * the old channels for at most that long.
 */
@Repository
public class StoreSettings {

	static final Duration STALENESS = Duration.ofSeconds(5);

	private static final int MAX_ENTRIES = 10_000;

	private final JdbcClient jdbc;

	private final RecentCopies<UUID, Recent> recent;

	StoreSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.recent = new RecentCopies<>(clock, STALENESS, MAX_ENTRIES);
	}

	public NotificationSettings load(UUID storeId) {
		NotificationSettings row = basics(List.of(storeId)).get(storeId);
		Map<Trigger, Set<Channel>> channels = new EnumMap<>(Trigger.class);
		for (Trigger t : Trigger.values()) {
			channels.put(t, defaultChannels(t));
		}
		this.jdbc.sql("select trigger, email, sms from notify_trigger_channels where store_id = ?")
			.param(storeId)
			.query((rs) -> {
				channels.put(Trigger.valueOf(rs.getString(1)), channels(rs.getBoolean(2), rs.getBoolean(3)));
			});
		Map<String, String> wording = new LinkedHashMap<>();
		this.jdbc
			.sql("select locale, message_key, text from notify_wording where store_id = ? order by locale, message_key")
			.param(storeId)
			.query((rs) -> {
				wording.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
			});
		return new NotificationSettings(row.fromName(), row.fromAddress(), row.replyTo(), row.maxPerShipmentPerDay(),
				channels, wording, row.quietStart(), row.quietEnd());
	}

	private static final NotificationSettings NONE = new NotificationSettings(null, null, null, null, Map.of(),
			Map.of(), null, null);

	/**
	 * The settings row of each store that has one (sending identity, daily cap, quiet
	 * hours), in one read for a batch of messages; without channels and wording (empty).
	 * A store without a row has all of them null (the install's defaults).
	 */
	public Map<UUID, NotificationSettings> basics(Collection<UUID> storeIds) {
		Map<UUID, NotificationSettings> rows = new HashMap<>();
		this.jdbc.sql("""
				select store_id, from_name, from_address, reply_to, max_per_day, quiet_start, quiet_end
				from notify_store_settings where store_id = any(?)""")
			.param(storeIds.toArray(UUID[]::new))
			.query((rs) -> {
				rows.put(rs.getObject(1, UUID.class),
						new NotificationSettings(rs.getString(2), rs.getString(3), rs.getString(4),
								(Integer) rs.getObject(5), Map.of(), Map.of(), rs.getObject(6, LocalTime.class),
								rs.getObject(7, LocalTime.class)));
			});
		storeIds.forEach((id) -> rows.putIfAbsent(id, NONE));
		return rows;
	}

	/** {@link #basics} as kept for the dispatcher, at most {@link #STALENESS} old. */
	public Map<UUID, NotificationSettings> recentBasics(Collection<UUID> storeIds) {
		Map<UUID, NotificationSettings> basics = new HashMap<>();
		recent(storeIds).forEach((id, r) -> basics.put(id, r.basics()));
		return basics;
	}

	/** {@link #wordings} as kept for the dispatcher, at most {@link #STALENESS} old. */
	Map<UUID, Map<String, Map<String, String>>> recentWordings(Collection<UUID> storeIds) {
		Map<UUID, Map<String, Map<String, String>>> wording = new HashMap<>();
		recent(storeIds).forEach((id, r) -> wording.put(id, r.wording()));
		return wording;
	}

	/**
	 * The channels a store sends this trigger by, as kept at most {@link #STALENESS} (the
	 * outbox, for every message it queues): a change saved on this instance applies at
	 * once, on others within that time, as the dispatcher's settings do.
	 */
	Set<Channel> recentChannels(UUID storeId, Trigger trigger) {
		Set<Channel> set = recent(List.of(storeId)).get(storeId).channels().get(trigger);
		return (set != null) ? set : defaultChannels(trigger);
	}

	/** The stores' copies, those missing or too old read in one go (3 statements). */
	private Map<UUID, Recent> recent(Collection<UUID> storeIds) {
		return this.recent.getAll(storeIds, (missing) -> {
			Map<UUID, NotificationSettings> basics = basics(missing);
			Map<UUID, Map<String, Map<String, String>>> wording = wordings(missing);
			Map<UUID, Map<Trigger, Set<Channel>>> channels = channels(missing);
			Map<UUID, Recent> loaded = new HashMap<>();
			missing.forEach((id) -> loaded.put(id, new Recent(basics.get(id), wording.getOrDefault(id, Map.of()),
					channels.getOrDefault(id, Map.of()))));
			return loaded;
		});
	}

	/**
	 * A store's settings as kept per instance.
	 *
	 * @param channels the triggers whose channels the store set (the others go by their
	 * defaults)
	 */
	private record Recent(NotificationSettings basics, Map<String, Map<String, String>> wording,
			Map<Trigger, Set<Channel>> channels) {
	}

	/** The channels these stores set per trigger, in one read. */
	private Map<UUID, Map<Trigger, Set<Channel>>> channels(Collection<UUID> storeIds) {
		Map<UUID, Map<Trigger, Set<Channel>>> set = new HashMap<>();
		this.jdbc.sql("select store_id, trigger, email, sms from notify_trigger_channels where store_id = any(?)")
			.param(storeIds.toArray(UUID[]::new))
			.query((rs) -> {
				set.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new EnumMap<>(Trigger.class))
					.put(Trigger.valueOf(rs.getString(2)), channels(rs.getBoolean(3), rs.getBoolean(4)));
			});
		return set;
	}

	private static Set<Channel> defaultChannels(Trigger t) {
		return !t.onByDefault() ? EnumSet.noneOf(Channel.class)
				: t.smsByDefault() ? EnumSet.of(Channel.EMAIL, Channel.SMS) : EnumSet.of(Channel.EMAIL);
	}

	private static Set<Channel> channels(boolean email, boolean sms) {
		Set<Channel> set = EnumSet.noneOf(Channel.class);
		if (email) {
			set.add(Channel.EMAIL);
		}
		if (sms) {
			set.add(Channel.SMS);
		}
		return set;
	}

	/**
	 * The overrides of these stores by store, locale and bundle key, in one read (the
	 * messages of a batch).
	 */
	Map<UUID, Map<String, Map<String, String>>> wordings(Collection<UUID> storeIds) {
		Map<UUID, Map<String, Map<String, String>>> wording = new HashMap<>();
		this.jdbc.sql("select store_id, locale, message_key, text from notify_wording where store_id = any(?)")
			.param(storeIds.toArray(UUID[]::new))
			.query((rs) -> {
				wording.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new HashMap<>())
					.computeIfAbsent(rs.getString(2), (k) -> new HashMap<>())
					.put(rs.getString(3), rs.getString(4));
			});
		return wording;
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

	void save(UUID storeId, NotificationSettings s, Instant now) {
		this.recent.drop(storeId);
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
