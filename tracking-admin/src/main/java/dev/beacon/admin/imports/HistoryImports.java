package dev.beacon.admin.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * Imports delivery history from CSV: validates every row (bad rows are reported by line,
 * good rows kept), writes good rows in batches with PostgreSQL COPY into a staging table
 * and an upsert keyed by (store, order number, carrier, service), so uploading the same
 * file twice changes nothing. Progress is recorded on the job after every batch. When an
 * import finishes, {@link HistoryImported} is published and the promise engine relearns.
 */
@Service
public class HistoryImports {

	private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);

	static final int BATCH = 5000;

	static final int MAX_ERRORS_KEPT = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final StoreManagement stores;

	private final ApplicationEventPublisher events;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((r) -> {
		Thread t = new Thread(r, "history-import");
		t.setDaemon(true);
		return t;
	});

	private final Clock clock;

	HistoryImports(NamedParameterJdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx,
			StoreManagement stores, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = tx;
		this.stores = stores;
		this.events = events;
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	/**
	 * Checks the header, records a job and imports in the background. The file is deleted
	 * when done.
	 * @throws IllegalArgumentException when the file is not a history CSV at all
	 */
	public ImportJob start(UUID storeId, @Nullable String fileName, Path file) throws IOException {
		checkHeader(file);
		UUID id = create(storeId, fileName, countLines(file));
		this.executor.submit(() -> {
			try {
				process(id, storeId, file, (job) -> {
				});
			}
			finally {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.debug("Could not delete {}", file, ex);
				}
			}
		});
		return job(storeId, id).orElseThrow();
	}

	/** Imports synchronously (the command line), reporting progress after every batch. */
	public ImportJob run(UUID storeId, @Nullable String fileName, Path file, Consumer<ImportJob> progress)
			throws IOException {
		checkHeader(file);
		UUID id = create(storeId, fileName, countLines(file));
		process(id, storeId, file, progress);
		return job(storeId, id).orElseThrow();
	}

	public Optional<ImportJob> job(UUID storeId, UUID id) {
		List<ImportJob> jobs = this.jdbc.query("select * from import_jobs where id = :id and store_id = :store",
				new MapSqlParameterSource("id", id).addValue("store", storeId), (rs, i) -> {
					Timestamp finished = rs.getTimestamp("finished_at");
					return new ImportJob(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class),
							rs.getString("file_name"), rs.getString("status"), rs.getInt("total_rows"),
							rs.getInt("processed_rows"), rs.getInt("imported_rows"), rs.getInt("unchanged_rows"),
							rs.getInt("rejected_rows"), errors(rs.getString("errors")),
							rs.getTimestamp("created_at").toInstant(),
							(finished != null) ? finished.toInstant() : null);
				});
		return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
	}

	private void checkHeader(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> header = new CsvLines(reader).next();
			List<String> names = (header == null) ? List.of()
					: header.stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
			if (!names.equals(HistoryRow.HEADER)) {
				throw new IllegalArgumentException(
						"the first line must be the header " + String.join(",", HistoryRow.HEADER));
			}
		}
	}

	private UUID create(UUID storeId, @Nullable String fileName, int total) {
		UUID id = UUID.randomUUID();
		String name = (fileName == null) ? null : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
		this.jdbc.update("""
				insert into import_jobs (id, store_id, file_name, status, total_rows, created_at)
				values (:id, :store, :name, 'RUNNING', :total, now())""",
				new MapSqlParameterSource("id", id).addValue("store", storeId)
					.addValue("name", (name != null && name.length() > 200) ? name.substring(0, 200) : name)
					.addValue("total", total));
		return id;
	}

	private void process(UUID id, UUID storeId, Path file, Consumer<ImportJob> progress) {
		ZoneId zone = this.stores.byId(storeId).map(Store::getTimeZone).orElse(ZoneId.of("UTC"));
		Instant now = this.clock.instant();
		Map<String, Integer> seen = new HashMap<>();
		List<ImportJob.RowError> errors = new ArrayList<>();
		List<HistoryRow> batch = new ArrayList<>();
		int processed = 0;
		int imported = 0;
		int unchanged = 0;
		int rejected = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			CsvLines csv = new CsvLines(reader);
			csv.next(); // header, checked before
			List<String> fields;
			while ((fields = csv.next()) != null) {
				processed++;
				if (fields.size() == 1 && fields.get(0).isBlank()) {
					processed--;
					continue;
				}
				try {
					HistoryRow row = HistoryRow.parse(fields, zone, now);
					Integer first = seen.putIfAbsent(row.key(), csv.line());
					if (first != null) {
						throw new HistoryRow.RowException("order_number",
								"repeats line " + first + " (same order number, carrier and service)");
					}
					batch.add(row);
				}
				catch (HistoryRow.RowException ex) {
					rejected++;
					if (errors.size() < MAX_ERRORS_KEPT) {
						errors.add(new ImportJob.RowError(csv.line(), ex.field(), ex.getMessage()));
					}
				}
				if (batch.size() >= BATCH) {
					int changed = write(id, storeId, batch);
					imported += changed;
					unchanged += batch.size() - changed;
					batch.clear();
					progress(id, processed, imported, unchanged, rejected, errors, false);
					progress.accept(job(storeId, id).orElseThrow());
				}
			}
			if (!batch.isEmpty()) {
				int changed = write(id, storeId, batch);
				imported += changed;
				unchanged += batch.size() - changed;
			}
			progress(id, processed, imported, unchanged, rejected, errors, true);
			progress.accept(job(storeId, id).orElseThrow());
			this.events.publishEvent(new HistoryImported(storeId, id, imported));
			log.info("History import {} for store {}: {} rows, {} imported, {} unchanged, {} rejected", id, storeId,
					processed, imported, unchanged, rejected);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("History import {} failed", id, ex);
			errors.add(new ImportJob.RowError(0, "file", "import stopped: " + ex.getMessage()));
			this.jdbc.update(
					"update import_jobs set status = 'FAILED', errors = :errors, finished_at = now() where id = :id",
					new MapSqlParameterSource("id", id).addValue("errors", errorText(errors)));
			progress.accept(job(storeId, id).orElseThrow());
		}
	}

	private void progress(UUID id, int processed, int imported, int unchanged, int rejected,
			List<ImportJob.RowError> errors, boolean done) {
		this.jdbc.update("""
				update import_jobs set processed_rows = :processed, imported_rows = :imported,
				  unchanged_rows = :unchanged, rejected_rows = :rejected, errors = :errors,
				  status = :status, finished_at = case when :done then now() else null end
				where id = :id""",
				new MapSqlParameterSource("id", id).addValue("processed", processed)
					.addValue("imported", imported)
					.addValue("unchanged", unchanged)
					.addValue("rejected", rejected)
					.addValue("errors", errorText(errors))
					.addValue("status", done ? "DONE" : "RUNNING")
					.addValue("done", done));
	}

	/**
	 * COPY the batch into a staging table, then upsert; answers rows added or changed.
	 */
	private int write(UUID importId, UUID storeId, List<HistoryRow> rows) {
		Integer changed = this.tx.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try (Statement st = connection.createStatement()) {
				st.execute("""
						create temp table if not exists history_stage (like delivery_history including defaults)
						on commit delete rows""");
				StringBuilder csv = new StringBuilder(rows.size() * 160);
				for (HistoryRow r : rows) {
					csv.append(storeId).append(',');
					q(csv, r.orderNumber()).append(',');
					q(csv, r.carrier()).append(',');
					q(csv, r.service()).append(',');
					ts(csv, r.placedAt()).append(',');
					ts(csv, r.shippedAt()).append(',');
					ts(csv, r.deliveredAt()).append(',');
					date(csv, r.promisedBy()).append(',');
					q(csv, r.originRegion()).append(',');
					q(csv, r.originCountry()).append(',');
					q(csv, r.destinationRegion()).append(',');
					q(csv, r.destinationPostalCode()).append(',');
					q(csv, r.destinationCountry()).append(',');
					q(csv, r.status()).append(',');
					csv.append(importId).append('\n');
				}
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
						copy history_stage (store_id, order_number, carrier, service, placed_at, shipped_at,
						  delivered_at, promised_by, origin_region, origin_country, destination_region,
						  destination_postal_code, destination_country, status, import_id)
						from stdin with (format csv)""", new StringReader(csv.toString()));
				return st.executeUpdate("""
						insert into delivery_history select * from history_stage
						on conflict (store_id, order_number, carrier, service) do update set
						  placed_at = excluded.placed_at, shipped_at = excluded.shipped_at,
						  delivered_at = excluded.delivered_at, promised_by = excluded.promised_by,
						  origin_region = excluded.origin_region, origin_country = excluded.origin_country,
						  destination_region = excluded.destination_region,
						  destination_postal_code = excluded.destination_postal_code,
						  destination_country = excluded.destination_country, status = excluded.status,
						  import_id = excluded.import_id
						where (delivery_history.placed_at, delivery_history.shipped_at, delivery_history.delivered_at,
						       delivery_history.promised_by, delivery_history.origin_region,
						       delivery_history.origin_country, delivery_history.destination_region,
						       delivery_history.destination_postal_code, delivery_history.destination_country,
						       delivery_history.status)
						  is distinct from
						      (excluded.placed_at, excluded.shipped_at, excluded.delivered_at, excluded.promised_by,
						       excluded.origin_region, excluded.origin_country, excluded.destination_region,
						       excluded.destination_postal_code, excluded.destination_country, excluded.status)""");
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException("could not store history rows: " + ex.getMessage(), ex);
			}
		});
		return (changed != null) ? changed : 0;
	}

	private static StringBuilder q(StringBuilder sb, @Nullable String value) {
		if (value == null) {
			return sb;
		}
		return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	private static StringBuilder ts(StringBuilder sb, @Nullable Instant value) {
		return (value == null) ? sb : sb.append(value);
	}

	private static StringBuilder date(StringBuilder sb, @Nullable LocalDate value) {
		return (value == null) ? sb : sb.append(value);
	}

	private static int countLines(Path file) throws IOException {
		try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return (int) Math.max(0, lines.filter((l) -> !l.isBlank()).count() - 1);
		}
	}

	private static String errorText(List<ImportJob.RowError> errors) {
		StringBuilder sb = new StringBuilder();
		for (ImportJob.RowError e : errors) {
			sb.append(e.line())
				.append('\t')
				.append(e.field())
				.append('\t')
				.append(e.message().replace('\n', ' ').replace('\t', ' '))
				.append('\n');
		}
		return sb.toString();
	}

	private static List<ImportJob.RowError> errors(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<ImportJob.RowError> errors = new ArrayList<>();
		for (String line : text.split("\n")) {
			String[] parts = line.split("\t", 3);
			if (parts.length == 3) {
				errors.add(new ImportJob.RowError(Integer.parseInt(parts[0]), parts[1], parts[2]));
			}
		}
		return errors;
	}

}
