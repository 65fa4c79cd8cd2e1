package dev.beacon.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies are served within their bound by the injected clock, dropped now and after the
 * transaction, never kept when loaded across a drop, and bounded in number.
 */
class RecentCopiesTests {

	final BackgroundLoopsTests.MovingClock clock = new BackgroundLoopsTests.MovingClock();

	final RecentCopies<String, String> copies = new RecentCopies<>(this.clock, Duration.ofSeconds(5), 3);

	final AtomicInteger loads = new AtomicInteger();

	String row = "v1";

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aCopyIsServedUntilItsBoundByTheClockThenLoadedAgain() {
		assertThat(get("a")).isEqualTo("v1");
		this.row = "v2";
		this.clock.now = this.clock.now.plusMillis(4999);
		assertThat(get("a")).isEqualTo("v1");
		this.clock.now = this.clock.now.plusMillis(1);
		assertThat(get("a")).isEqualTo("v2");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void aClockThatGoesBackMakesTheCopyStale() {
		get("a");
		this.row = "v2";
		this.clock.now = this.clock.now.minusSeconds(1);
		assertThat(get("a")).isEqualTo("v2");
	}

	@Test
	void notFoundIsNotKept() {
		assertThat(this.copies.get("a", (k) -> {
			this.loads.incrementAndGet();
			return null;
		})).isNull();
		get("a");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void dropReloadsAtOnceOutsideATransaction() {
		get("a");
		get("b");
		this.row = "v2";
		this.copies.drop("a");
		assertThat(get("a")).isEqualTo("v2");
		assertThat(get("b")).isEqualTo("v1");
	}

	@Test
	void dropIfDropsTheMatchingCopies() {
		get("a");
		this.row = "v2";
		get("b");
		this.copies.dropIf("v1"::equals);
		assertThat(this.copies.size()).isEqualTo(1);
		assertThat(get("a")).isEqualTo("v2");
	}

	@Test
	void aCopyLoadedInsideTheChangingTransactionIsDroppedAfterItEnds() {
		get("a");
		TransactionSynchronizationManager.initSynchronization();
		this.copies.drop("a");
		// another reader loads the row before the change commits: it still sees the old
		// row
		assertThat(get("a")).isEqualTo("v1");
		assertThat(get("a")).isEqualTo("v1");
		this.row = "v2";
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		synchronizations.forEach((s) -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		assertThat(get("a")).isEqualTo("v2");
	}

	@Test
	void aCopyLoadedAcrossADropIsReturnedButNotKept() {
		assertThat(this.copies.get("a", (k) -> {
			this.copies.drop("a");
			return "old";
		})).isEqualTo("old");
		assertThat(get("a")).isEqualTo("v1");
	}

	@Test
	void getAllLoadsOnlyTheMissingOnesInOneCall() {
		get("a");
		AtomicInteger calls = new AtomicInteger();
		Map<String, String> all = this.copies.getAll(List.of("a", "b", "c"), (missing) -> {
			calls.incrementAndGet();
			assertThat(missing).containsExactly("b", "c");
			return Map.of("b", "vb");
		});
		assertThat(all).isEqualTo(Map.of("a", "v1", "b", "vb"));
		assertThat(this.copies.getAll(List.of("a", "b"), (missing) -> {
			throw new AssertionError("loaded " + missing);
		})).isEqualTo(Map.of("a", "v1", "b", "vb"));
		assertThat(calls).hasValue(1);
	}

	@Test
	void atMostMaxEntriesAreKeptExpiredOnesSweptFirst() {
		get("a");
		this.clock.now = this.clock.now.plusSeconds(10);
		get("b");
		get("c");
		get("d");
		// "a" had expired: swept to make room, the fresh ones stay
		assertThat(this.copies.size()).isEqualTo(3);
		int before = this.loads.get();
		get("b");
		get("c");
		get("d");
		assertThat(this.loads).hasValue(before);
		get("e");
		assertThat(this.copies.size()).isLessThanOrEqualTo(3);
	}

	private String get(String key) {
		return this.copies.get(key, (k) -> {
			this.loads.incrementAndGet();
			return this.row;
		});
	}

}
