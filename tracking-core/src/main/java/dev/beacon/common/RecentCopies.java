package dev.beacon.common;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way an instance keeps short-lived local copies of rows that change: each copy
 * is served for less than its freshness bound after it was loaded (by the application's
 * {@link Clock}), then loaded again. A change made on this instance drops the affected
 * copies at once and again when the changing transaction ends ({@link #drop},
 * {@link #dropIf}), so a reader that loaded the old row in between cannot keep it; a copy
 * loaded while a drop happened is returned but not kept. Another instance keeps its copy
 * until the bound: that is the staleness each user states. At most {@code maxEntries}
 * copies are kept (expired ones are swept first, then all are dropped when still full).
 * Thread-safe without a global lock (a {@link ConcurrentHashMap}); two threads missing
 * the same key may both load it. A {@code null} load (not found) is never kept.
 *
 * @param <K> the key
 * @param <V> the copy; kept as loaded, so nobody may change it
 */
public final class RecentCopies<K, V> {

	private final Clock clock;

	private final long freshMillis;

	private final int maxEntries;

	private final Map<K, Copy<V>> copies = new ConcurrentHashMap<>();

	/** Counts drops: a copy loaded while one happened is not kept. */
	private final AtomicLong drops = new AtomicLong();

	public RecentCopies(Clock clock, Duration freshness, int maxEntries) {
		if (freshness.isNegative() || maxEntries < 1) {
			throw new IllegalArgumentException("freshness must not be negative and maxEntries positive");
		}
		this.clock = clock;
		this.freshMillis = freshness.toMillis();
		this.maxEntries = maxEntries;
	}

	/**
	 * The copy of {@code key} if it is fresh, else {@code load}'s answer (kept when not
	 * null).
	 */
	public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> load) {
		long now = this.clock.millis();
		Copy<V> copy = this.copies.get(key);
		if (copy != null && copy.freshAt(now, this.freshMillis)) {
			return copy.value();
		}
		long before = this.drops.get();
		V loaded = load.apply(key);
		if (loaded != null) {
			keep(key, new Copy<>(loaded, this.clock.millis()), before);
		}
		return loaded;
	}

	/**
	 * The copies of {@code keys}: the fresh ones kept, the others loaded together by
	 * {@code loadMissing} (called once, only when some are missing). Keys it does not
	 * answer are left out of the result.
	 */
	public Map<K, V> getAll(Collection<K> keys, Function<List<K>, Map<K, V>> loadMissing) {
		long now = this.clock.millis();
		Map<K, V> found = new HashMap<>();
		List<K> missing = new ArrayList<>();
		for (K key : keys) {
			Copy<V> copy = this.copies.get(key);
			if (copy != null && copy.freshAt(now, this.freshMillis)) {
				found.put(key, copy.value());
			}
			else {
				missing.add(key);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		long before = this.drops.get();
		Map<K, V> loaded = loadMissing.apply(missing);
		long loadedAt = this.clock.millis();
		for (K key : missing) {
			V value = loaded.get(key);
			if (value != null) {
				found.put(key, value);
				keep(key, new Copy<>(value, loadedAt), before);
			}
		}
		return found;
	}

	/** Drops the copy of {@code key} now and, inside a transaction, after it ends. */
	public void drop(K key) {
		dropNowAndAfterTransaction(() -> this.copies.remove(key));
	}

	/**
	 * Drops every copy {@code which} matches now and, inside a transaction, after it
	 * ends.
	 */
	public void dropIf(Predicate<? super V> which) {
		dropNowAndAfterTransaction(() -> this.copies.values().removeIf((c) -> which.test(c.value())));
	}

	/** How many copies are kept, fresh or not (for tests). */
	int size() {
		return this.copies.size();
	}

	private void dropNowAndAfterTransaction(Runnable removal) {
		Runnable dropping = () -> {
			this.drops.incrementAndGet();
			removal.run();
		};
		dropping.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					dropping.run();
				}
			});
		}
	}

	private void keep(K key, Copy<V> copy, long dropsBefore) {
		if (this.copies.size() >= this.maxEntries && !this.copies.containsKey(key)) {
			long now = this.clock.millis();
			this.copies.values().removeIf((c) -> !c.freshAt(now, this.freshMillis));
			if (this.copies.size() >= this.maxEntries) {
				this.copies.clear();
			}
		}
		this.copies.put(key, copy);
		if (this.drops.get() != dropsBefore) {
			this.copies.remove(key, copy);
		}
	}

	private record Copy<V>(V value, long loadedAt) {

		/** Loaded less than {@code freshMillis} ago (and not in the clock's future). */
		boolean freshAt(long now, long freshMillis) {
			long age = now - this.loadedAt;
			return age >= 0 && age < freshMillis;
		}

	}

}
