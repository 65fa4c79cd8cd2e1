package dev.beacon.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.common.LocalCopies;

/**
 * Per-instance copies of the lookups every tracking page view (store by slug), every API
 * call (store by API key hash) and every status change (store by id: slug, time zone,
 * promise target) make, each kept at most {@link #STALENESS}. A change made through
 * {@link StoreManagement} (branding, settings, a revoked key) drops the affected copies
 * on this instance at once, again after its transaction completes (so a read racing the
 * change cannot keep the old row); another instance sees it at most {@link #STALENESS}
 * later: a key revoked there still works here for up to that long, a new branding shows
 * that much later (docs/scaling.md). Only found stores are kept (an unknown slug or key
 * is asked of PostgreSQL every time), and a row read while a change was being made is not
 * kept at all; at most {@link #MAX_ENTRIES} a map. The copies are detached entities that
 * nobody changes: the changes go through entities read in their own transaction.
 */
@Component
class StoreLookups {

	static final Duration STALENESS = Duration.ofSeconds(5);

	static final int MAX_ENTRIES = 10_000;

	private final Map<String, Entry> bySlug = new ConcurrentHashMap<>();

	private final Map<String, Entry> byKeyHash = new ConcurrentHashMap<>();

	private final Map<String, Entry> byId = new ConcurrentHashMap<>();

	/** Counts changes: a copy read while one happened is not kept. */
	private final AtomicLong changes = new AtomicLong();

	Optional<Store> bySlug(String slug, Function<String, Optional<Store>> load) {
		return lookup(this.bySlug, slug, null, load);
	}

	Optional<Store> byId(UUID id, Function<UUID, Optional<Store>> load) {
		return lookup(this.byId, id.toString(), null, (key) -> load.apply(id));
	}

	Optional<Store> byKeyHash(String keyHash, Function<String, Optional<KeyedStore>> load) {
		Entry cached = fresh(this.byKeyHash.get(keyHash));
		if (cached != null) {
			return Optional.of(cached.store());
		}
		long before = this.changes.get();
		Optional<KeyedStore> found = load.apply(keyHash);
		found
			.ifPresent((k) -> put(this.byKeyHash, keyHash, new Entry(k.store(), k.keyId(), System.nanoTime()), before));
		return found.map(KeyedStore::store);
	}

	/** Drops every copy of this store (its slug and its keys). */
	void storeChanged(UUID storeId) {
		drop((e) -> e.store().getId().equals(storeId));
	}

	/** Drops the copy made for this key. */
	void keyChanged(UUID keyId) {
		drop((e) -> keyId.equals(e.keyId()));
	}

	private void drop(Predicate<Entry> which) {
		Runnable dropping = () -> {
			this.changes.incrementAndGet();
			this.bySlug.values().removeIf(which);
			this.byKeyHash.values().removeIf(which);
			this.byId.values().removeIf(which);
		};
		LocalCopies.dropNowAndAfterTransaction(dropping);
	}

	private Optional<Store> lookup(Map<String, Entry> map, String key, @Nullable UUID keyId,
			Function<String, Optional<Store>> load) {
		Entry cached = fresh(map.get(key));
		if (cached != null) {
			return Optional.of(cached.store());
		}
		long before = this.changes.get();
		Optional<Store> found = load.apply(key);
		found.ifPresent((s) -> put(map, key, new Entry(s, keyId, System.nanoTime()), before));
		return found;
	}

	private static @Nullable Entry fresh(@Nullable Entry e) {
		return (e != null && System.nanoTime() - e.loadedAt() < STALENESS.toNanos()) ? e : null;
	}

	private void put(Map<String, Entry> map, String key, Entry entry, long changesBefore) {
		if (map.size() >= MAX_ENTRIES) {
			map.clear();
		}
		map.put(key, entry);
		if (this.changes.get() != changesBefore) {
			map.remove(key, entry);
		}
	}

	/** A store found through one of its API keys. */
	record KeyedStore(Store store, UUID keyId) {
	}

	private record Entry(Store store, @Nullable UUID keyId, long loadedAt) {
	}

}
