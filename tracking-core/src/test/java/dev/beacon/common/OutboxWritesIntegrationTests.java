package dev.beacon.common;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Test
	void outsideATransactionTheWriteRunsAtOnce() {
		this.writes.beforeCommit("alone", insert("alone"));
		assertThat(rows()).containsExactly("alone");
	}

}
