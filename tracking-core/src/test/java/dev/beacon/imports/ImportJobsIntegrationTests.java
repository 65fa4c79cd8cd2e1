package dev.beacon.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import dev.beacon.store.NewStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Import admission on real PostgreSQL: at most one running and one queued job per store
 * (a third is refused), a bounded queue per instance, and stale jobs that no longer block
 * their store. The jobs run a processor that waits for the test's signal.
 */
@SpringBootTest
class ImportJobsIntegrationTests {

	@Autowired
	ImportJobRows rows;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@Test
	void aStoreHasAtMostOneRunningAndOneQueuedImport() throws Exception {
		Gate gate = new Gate();
		ImportJobs jobs = jobs(gate, 8);
		UUID store = store();
		try {
			ImportJob running = jobs.start(store, "test", "a.csv", file("a"));
			assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
			ImportJob queued = jobs.start(store, "test", "b.csv", file("b"));
			assertThat(queued.status()).isEqualTo("QUEUED");
			assertThatThrownBy(() -> jobs.start(store, "test", "c.csv", file("c"))).isInstanceOfSatisfying(
					ImportRefusedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ImportRefusedException.Reason.STORE_BUSY));
			assertThat(jobs.start(store(), "test", "d.csv", file("d")).status()).isEqualTo("QUEUED");
			gate.open.countDown();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> jobs.job(store, queued.id()).orElseThrow().finished()
						&& jobs.job(store, running.id()).orElseThrow().finished());
			assertThat(jobs.job(store, running.id()).orElseThrow().status()).isEqualTo("DONE");
			assertThat(jobs.job(store, queued.id()).orElseThrow().processedRows()).isEqualTo(1);
			assertThat(jobs.start(store, "test", "e.csv", file("e")).status()).isEqualTo("QUEUED");
		}
		finally {
			gate.open.countDown();
			jobs.stop();
		}
	}

	@Test
	void theQueueIsBoundedAndAJobLeftByAStoppedInstanceStopsCountingWhenStale() throws Exception {
		Gate gate = new Gate();
		ImportJobs jobs = jobs(gate, 1);
		try {
			jobs.start(store(), "test", "a.csv", file("a"));
			assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
			jobs.start(store(), "test", "b.csv", file("b"));
			Path refused = file("c");
			assertThatThrownBy(() -> jobs.start(store(), "test", "c.csv", refused)).isInstanceOfSatisfying(
					ImportRefusedException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(ImportRefusedException.Reason.QUEUE_FULL));
			assertThat(refused).doesNotExist();
		}
		finally {
			gate.open.countDown();
			jobs.stop();
		}
		UUID store = store();
		for (String status : List.of("RUNNING", "QUEUED")) {
			this.jdbc.update("insert into import_jobs (id, store_id, status, created_at) "
					+ "values (?, ?, ?, now() - interval '3 hours')", UUID.randomUUID(), store, status);
		}
		Gate open = new Gate();
		open.open.countDown();
		ImportJobs fresh = jobs(open, 8);
		try {
			assertThat(fresh.run(store, "test", "f.csv", file("f"), (j) -> {
			}).status()).isEqualTo("DONE");
		}
		finally {
			fresh.stop();
		}
	}

	private ImportJobs jobs(Gate gate, int queueCapacity) {
		ImportSettings settings = new ImportSettings(DataSize.ofMegabytes(200), DataSize.ofMegabytes(1), queueCapacity,
				1, Duration.ofHours(2));
		return new ImportJobs(this.rows, this.transactions, List.of(gate), this.events, settings);
	}

	private UUID store() {
		return this.stores.provision(new NewStore("Imports", TestStores.uniqueSlug("imports"), null, null))
			.store()
			.getId();
	}

	private Path file(String name) throws IOException {
		return Files.writeString(this.dir.resolve(name + ".csv"), "header\nrow\n");
	}

	/** A processor of kind "test" that counts one row and waits for the test's signal. */
	static final class Gate implements ImportProcessor {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch open = new CountDownLatch(1);

		@Override
		public String kind() {
			return "test";
		}

		@Override
		public void check(Path file) {
		}

		@Override
		public void process(ImportRun run, Path file) throws IOException {
			this.entered.countDown();
			try {
				this.open.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			run.read();
			run.written(1, 1);
		}

	}

}
