package dev.beacon.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The one way a module reacts to another module's domain event with writes of its own
 * (notification outbox rows, webhook deliveries, delivery history): inside the publishing
 * transaction, behind a JDBC savepoint. The status change and the rows it causes commit
 * together or not at all; a failure of the reaction undoes only its own rows, is logged
 * and counted ({@code beacon.outbox.write.failures}), and never undoes the status change.
 * Called outside a transaction, the write runs in a transaction of its own. See
 * docs/adr/0004-one-way-modules-react.md.
 */
@Component
public class OutboxWrites {

	private static final Logger log = LoggerFactory.getLogger(OutboxWrites.class);

	private final DataSource dataSource;

	private final EntityManager entityManager;

	private final TransactionTemplate tx;

	private final MeterRegistry meters;

	OutboxWrites(DataSource dataSource, EntityManager entityManager, PlatformTransactionManager transactions,
			ObjectProvider<MeterRegistry> meters) {
		this.dataSource = dataSource;
		this.entityManager = entityManager;
		this.tx = new TransactionTemplate(transactions);
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * Runs {@code write} in the caller's transaction behind a savepoint. Pending JPA
	 * changes of the caller are flushed first, so the savepoint never swallows them.
	 * @param what a short name for logs and the failure counter, e.g. {@code notify}
	 */
	public void guarded(String what, Runnable write) {
		guarded(what, write, (ex) -> failed(what, ex));
	}

	private void guarded(String what, Runnable write, java.util.function.Consumer<Exception> onFailure) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			try {
				this.tx.executeWithoutResult((status) -> write.run());
			}
			catch (RuntimeException ex) {
				onFailure.accept(ex);
			}
			return;
		}
		this.entityManager.flush();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Savepoint savepoint;
		try {
			savepoint = connection.setSavepoint();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot set a savepoint for " + what, ex);
		}
		try {
			write.run();
			this.entityManager.flush();
			connection.releaseSavepoint(savepoint);
		}
		catch (RuntimeException | SQLException ex) {
			try {
				connection.rollback(savepoint);
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
				throw new IllegalStateException(what + " failed and could not be undone", ex);
			}
			onFailure.accept(ex);
		}
	}

	/**
	 * {@link #guarded} run just before the caller's transaction commits, together with
	 * every other write deferred in it, behind one savepoint for all: a transaction that
	 * records many status changes (a poller's batch) pays for one savepoint, not one per
	 * event and listener. The writes run in the order they were deferred (one deferred
	 * while they run runs too) and see the transaction as it is then. Should the joint
	 * run fail, its writes are undone and each runs again behind a savepoint of its own,
	 * so a failing write undoes only its own rows, as with {@link #guarded}. A
	 * transaction rolled back runs none. Outside a transaction it is {@link #guarded}.
	 * @param what a short name for logs and the failure counter, e.g. {@code notify}
	 */
	public void beforeCommit(String what, Runnable write) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			guarded(what, write);
			return;
		}
		// a row the caller just persisted (or removed) is written now: the caller's next
		// plain statements may rely on it (a foreign key to it). Changes to managed rows
		// wait for the flush before the deferred writes run (guarded flushes first) or at
		// the commit: dirty-checking the persistence context at every deferral cost more
		// than anything else a deferral does (docs/performance.md, fix 13)
		if (this.entityManager.unwrap(SessionImplementor.class).getActionQueue().areInsertionsOrDeletionsQueued()) {
			this.entityManager.flush();
		}
		Deferred deferred = null;
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof Deferred d && d.owner() == this) {
				deferred = d;
			}
		}
		if (deferred == null) {
			deferred = new Deferred();
			TransactionSynchronizationManager.registerSynchronization(deferred);
		}
		deferred.writes.add(new Write(what, write));
	}

	private record Write(String what, Runnable run) {
	}

	/** The writes deferred in one transaction (registered with it, so never shared). */
	private final class Deferred implements TransactionSynchronization {

		private final List<Write> writes = new ArrayList<>();

		OutboxWrites owner() {
			return OutboxWrites.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			String what = (this.writes.size() == 1) ? this.writes.get(0).what() : "deferred writes";
			guarded(what, () -> {
				for (int i = 0; i < this.writes.size(); i++) { // a write may defer more
					this.writes.get(i).run().run();
				}
			}, (ex) -> {
				if (this.writes.size() == 1) {
					failed(what, ex);
					return;
				}
				log.debug("{} deferred writes failed together ({}); one by one", this.writes.size(), ex.getMessage());
				for (Write w : List.copyOf(this.writes)) {
					guarded(w.what(), w.run());
				}
			});
		}

	}

	private void failed(String what, Exception ex) {
		this.meters.counter("beacon.outbox.write.failures", "what", what).increment();
		log.error("Writes of '{}' failed; the change that caused them stands: {}", what, ex.getMessage(), ex);
	}

}
