package dev.beacon.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs: admits a job (at most one running and one queued per store, a bounded
 * queue per instance), records it, runs its {@link ImportProcessor} in the background (or
 * in the caller's thread for the command line), saves progress after every batch, and
 * publishes {@link ImportFinished} when it is done. A file given to {@link #start} is
 * deleted once the job ends.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
public class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** Jobs a store may have at once: one running and one queued. */
	static final int PER_STORE = 2;

	private final ImportJobRows rows;

	private final TransactionTemplate tx;

	private final Map<String, ImportProcessor> processors;

	private final ApplicationEventPublisher events;

	private final ImportSettings settings;

	private final ThreadPoolExecutor executor;

	ImportJobs(ImportJobRows rows, PlatformTransactionManager transactions, List<ImportProcessor> processors,
			ApplicationEventPublisher events, ImportSettings settings) {
		this.rows = rows;
		this.tx = new TransactionTemplate(transactions);
		this.processors = processors.stream().collect(Collectors.toMap(ImportProcessor::kind, Function.identity()));
		this.events = events;
		this.settings = settings;
		AtomicInteger threads = new AtomicInteger();
		int workers = Math.max(1, settings.workers());
		this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), (r) -> {
					Thread t = new Thread(r, "import-" + threads.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	/**
	 * Checks the file, records a QUEUED job and runs it in the background; the file is
	 * deleted when the job ends (or is refused).
	 * @throws IllegalArgumentException when the file is not of this kind at all
	 * @throws ImportRefusedException when the store or the queue is full
	 */
	public ImportJob start(UUID storeId, String kind, @Nullable String fileName, Path file) throws IOException {
		try {
			ImportProcessor processor = processor(kind);
			processor.check(file);
			if (this.executor.getQueue().remainingCapacity() == 0) {
				throw new ImportRefusedException(ImportRefusedException.Reason.QUEUE_FULL,
						"too many imports are waiting; try again in a minute");
			}
			UUID id = admit(storeId, fileName, countLines(file), "QUEUED");
			// the answer is the job as admitted: read before a worker may pick it up, so
			// it
			// is QUEUED whatever the timing (the job's URL tells the rest)
			ImportJob admitted = job(storeId, id).orElseThrow();
			try {
				this.executor.execute(() -> {
					try {
						this.rows.started(id);
						process(id, storeId, kind, processor, file, (job) -> {
						});
					}
					finally {
						delete(file);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				ImportRun run = new ImportRun(id, storeId, (r) -> {
				});
				run.failed("the queue was full");
				this.rows.progress(run, "FAILED");
				throw new ImportRefusedException(ImportRefusedException.Reason.QUEUE_FULL,
						"too many imports are waiting; try again in a minute");
			}
			return admitted;
		}
		catch (IOException | RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	/**
	 * Imports in the caller's thread (the command line, the demo), reporting progress
	 * after every batch. The file is left in place.
	 */
	public ImportJob run(UUID storeId, String kind, @Nullable String fileName, Path file, Consumer<ImportJob> progress)
			throws IOException {
		ImportProcessor processor = processor(kind);
		processor.check(file);
		UUID id = admit(storeId, fileName, countLines(file), "RUNNING");
		process(id, storeId, kind, processor, file, progress);
		return job(storeId, id).orElseThrow();
	}

	public Optional<ImportJob> job(UUID storeId, UUID id) {
		return this.rows.find(storeId, id);
	}

	private ImportProcessor processor(String kind) {
		ImportProcessor processor = this.processors.get(kind);
		if (processor == null) {
			throw new IllegalArgumentException("no import of kind " + kind);
		}
		return processor;
	}

	private UUID admit(UUID storeId, @Nullable String fileName, int total, String status) {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((s) -> {
			if (this.rows.lockAndCountActive(storeId, this.settings.staleAfter()) >= PER_STORE) {
				throw new ImportRefusedException(ImportRefusedException.Reason.STORE_BUSY,
						"this store already has an import running and one waiting; try again when one is done");
			}
			this.rows.insert(id, storeId, fileName, status, total);
		});
		return id;
	}

	private void process(UUID id, UUID storeId, String kind, ImportProcessor processor, Path file,
			Consumer<ImportJob> progress) {
		ImportRun run = new ImportRun(id, storeId, (r) -> {
			this.rows.progress(r, "RUNNING");
			progress.accept(job(storeId, id).orElseThrow());
		});
		try {
			processor.process(run, file);
			// listeners (the promise engine relearning the store) run before the job
			// reports done: a client that sees DONE gets answers learned from the import
			this.events.publishEvent(new ImportFinished(storeId, id, kind, run.imported()));
			this.rows.progress(run, "DONE");
			progress.accept(job(storeId, id).orElseThrow());
			log.info("Import {} ({}) for store {}: {} rows, {} imported, {} unchanged, {} rejected", id, kind, storeId,
					run.processed(), run.imported(), run.unchanged(), run.rejectedCount());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Import {} ({}) failed", id, kind, ex);
			run.failed(String.valueOf(ex.getMessage()));
			this.rows.progress(run, "FAILED");
			progress.accept(job(storeId, id).orElseThrow());
		}
	}

	private static int countLines(Path file) throws IOException {
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return (int) Math.max(0, lines.filter((l) -> !l.isBlank()).count() - 1);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", file, ex);
		}
	}

}
