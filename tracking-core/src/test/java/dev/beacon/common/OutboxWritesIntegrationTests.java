package dev.beacon.common;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes deferred to just before the commit ({@link OutboxWrites#beforeCommit}): they run
 * in order inside the transaction, after everything it did, only when it commits; a
 * failing one undoes only its own rows.
 */
@SpringBootTest
class OutboxWritesIntegrationTests {

	@Autowired
	OutboxWrites writes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	StoreManagement stores;

	TransactionTemplate tx;

	@BeforeEach
	void table() {
		this.tx = new TransactionTemplate(this.transactions);
		this.jdbc.execute("create table if not exists outbox_writes_probe (n serial primary key, v text not null)");
		this.jdbc.execute("truncate outbox_writes_probe");
	}

	private Runnable insert(String v) {
		return () -> this.jdbc.update("insert into outbox_writes_probe (v) values (?)", v);
	}

	private List<String> rows() {
		return this.jdbc.queryForList("select v from outbox_writes_probe order by n", String.class);
	}

	@Test
	void deferredWritesRunInOrderJustBeforeTheCommitAfterTheTransactionsOwnWork() {
		List<String> seenInside = this.tx.execute((status) -> {
			this.writes.beforeCommit("first", insert("first"));
			this.writes.beforeCommit("second", () -> {
				insert("second").run();
				this.writes.beforeCommit("deferred by a deferred write", insert("third"));
			});
			insert("own").run();
			return rows();
		});
		assertThat(seenInside).containsExactly("own");
		assertThat(rows()).containsExactly("own", "first", "second", "third");
	}

	@Test
	void aFailingDeferredWriteUndoesOnlyItsOwnRowsAndTheTransactionCommits() {
		this.tx.executeWithoutResult((status) -> {
			insert("own").run();
			this.writes.beforeCommit("a", insert("a"));
			this.writes.beforeCommit("b", () -> {
				insert("b").run();
				throw new IllegalStateException("b fails");
			});
			this.writes.beforeCommit("c", insert("c"));
		});
		assertThat(rows()).containsExactly("own", "a", "c");
	}

	@Test
	void aTransactionRolledBackRunsNoDeferredWrite() {
		this.tx.executeWithoutResult((status) -> {
			this.writes.beforeCommit("never", insert("never"));
			status.setRollbackOnly();
		});
		assertThat(rows()).isEmpty();
	}

	/**
	 * A deferral does not dirty-check the persistence context (fix 13): a change to a
	 * managed row is written by the flush just before the deferred writes run, which see
	 * it, not at the deferral.
	 */
	@Test
	void aDeferralLeavesChangesToManagedRowsForTheFlushBeforeTheDeferredWrites() {
		UUID id = this.stores.provision(new NewStore("Before", TestStores.uniqueSlug("deferral"), null, null))
			.store()
			.getId();
		List<String> seen = new ArrayList<>();
		this.tx.executeWithoutResult((status) -> {
			Store store = this.stores.byId(id).orElseThrow();
			this.stores.updateBrand(id, "After", store.getBrand(), null, null, store.getTargetReliability());
			this.writes.beforeCommit("probe", () -> seen.add("deferred write: " + name(id)));
			seen.add("after the deferral: " + name(id));
		});
		assertThat(seen).containsExactly("after the deferral: Before", "deferred write: After");
		assertThat(name(id)).isEqualTo("After");
	}

	/**
	 * A row the transaction just persisted is written at the deferral, so the caller's
	 * next plain statements can refer to it.
	 */
	@Test
	void aDeferralWritesARowJustPersisted() {
		String slug = TestStores.uniqueSlug("deferral");
		List<Integer> seen = this.tx.execute((status) -> {
			this.stores.provision(new NewStore("Fresh", slug, null, null));
			int before = stores(slug);
			this.writes.beforeCommit("probe", () -> {
			});
			return List.of(before, stores(slug));
		});
		assertThat(seen).containsExactly(0, 1);
	}

	private String name(UUID storeId) {
		return this.jdbc.queryForObject("select name from stores where id = ?", String.class, storeId);
	}

	private int stores(String slug) {
		return this.jdbc.queryForObject("select count(*) from stores where slug = ?", Integer.class, slug);
	}

	@Test
	void outsideATransactionTheWriteRunsAtOnce() {
		this.writes.beforeCommit("alone", insert("alone"));
		assertThat(rows()).containsExactly("alone");
	}

}
