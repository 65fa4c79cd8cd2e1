package dev.beacon.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.beacon.common.RecentCopies;

/**
 * Per-instance copies ({@link RecentCopies}) of the lookups every tracking page view
 * (store by slug), every API call (store by API key hash) and every status change (store
 * by id: slug, time zone, promise target) make, each kept less than {@link #STALENESS}. A
 * change made through {@link StoreManagement} (branding, settings, a revoked key) drops
 * the affected copies on this instance at once, again after its transaction completes (so
 * a read racing the change cannot keep the old row); another instance sees it at most
 * {@link #STALENESS} later: a key revoked there still works here for up to that long, a
 * new branding shows that much later (docs/scaling.md). Only found stores are kept (an
 * unknown slug or key is asked of PostgreSQL every time), and a row read while a change
 * was being made is not kept at all; at most {@link #MAX_ENTRIES} a lookup. The copies
 * are detached entities that nobody changes: the changes go through entities read in
 * their own transaction.
 */
@Component
class StoreLookups {

	static final Duration STALENESS = Duration.ofSeconds(5);

	static final int MAX_ENTRIES = 10_000;

	private final RecentCopies<String, Store> bySlug;

	private final RecentCopies<String, KeyedStore> byKeyHash;

	private final RecentCopies<UUID, Store> byId;

	StoreLookups(Clock clock) {
		this.bySlug = new RecentCopies<>(clock, STALENESS, MAX_ENTRIES);
		this.byKeyHash = new RecentCopies<>(clock, STALENESS, MAX_ENTRIES);
		this.byId = new RecentCopies<>(clock, STALENESS, MAX_ENTRIES);
	}

	Optional<Store> bySlug(String slug, Function<String, Optional<Store>> load) {
		return Optional.ofNullable(this.bySlug.get(slug, (s) -> load.apply(s).orElse(null)));
	}

	Optional<Store> byId(UUID id, Function<UUID, Optional<Store>> load) {
		return Optional.ofNullable(this.byId.get(id, (i) -> load.apply(i).orElse(null)));
	}

	Optional<Store> byKeyHash(String keyHash, Function<String, Optional<KeyedStore>> load) {
		return Optional.ofNullable(this.byKeyHash.get(keyHash, (h) -> load.apply(h).orElse(null)))
			.map(KeyedStore::store);
	}

	/** Drops every copy of this store (by id, its slug and its keys). */
	void storeChanged(UUID storeId) {
		this.byId.drop(storeId);
		this.bySlug.dropIf((s) -> s.getId().equals(storeId));
		this.byKeyHash.dropIf((k) -> k.store().getId().equals(storeId));
	}

	/** Drops the copy made for this key. */
	void keyChanged(UUID keyId) {
		this.byKeyHash.dropIf((k) -> k.keyId().equals(keyId));
	}

	/** A store found through one of its API keys. */
	record KeyedStore(Store store, UUID keyId) {
	}

}
