package dev.beacon.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code import_jobs} table: one row per job, its counters, and its rejected rows
 * kept as text (one per line: line, field and message separated by tabs).
 */
@Repository
class ImportJobRows {

	private final NamedParameterJdbcTemplate jdbc;

	ImportJobRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the store's import admission until the transaction ends, then counts its
	 * QUEUED and RUNNING jobs younger than {@code staleAfter}.
	 */
	int lockAndCountActive(UUID storeId, Duration staleAfter) {
		MapSqlParameterSource params = new MapSqlParameterSource("key", "beacon.imports:" + storeId)
			.addValue("store", storeId)
			.addValue("stale", (double) staleAfter.toSeconds());
		this.jdbc.query("select pg_advisory_xact_lock(hashtextextended(:key, 0))", params, (rs) -> null);
		Integer n = this.jdbc.queryForObject("""
				select count(*) from import_jobs
				where store_id = :store and status in ('QUEUED', 'RUNNING')
				  and created_at > now() - make_interval(secs => :stale)""", params, Integer.class);
		return (n != null) ? n : 0;
	}

	void insert(UUID id, UUID storeId, @Nullable String fileName, String status, int total) {
		String name = (fileName == null) ? null : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
		this.jdbc.update("""
				insert into import_jobs (id, store_id, file_name, status, total_rows, created_at)
				values (:id, :store, :name, :status, :total, now())""",
				new MapSqlParameterSource("id", id).addValue("store", storeId)
					.addValue("name", (name != null && name.length() > 200) ? name.substring(0, 200) : name)
					.addValue("status", status)
					.addValue("total", total));
	}

	void started(UUID id) {
		this.jdbc.update("update import_jobs set status = 'RUNNING' where id = :id and status = 'QUEUED'",
				new MapSqlParameterSource("id", id));
	}

	void progress(ImportRun run, String status) {
		this.jdbc.update("""
				update import_jobs set processed_rows = :processed, imported_rows = :imported,
				  unchanged_rows = :unchanged, rejected_rows = :rejected, errors = :errors, status = :status,
				  finished_at = case when :status in ('DONE', 'FAILED') then now() else null end
				where id = :id""",
				new MapSqlParameterSource("id", run.id()).addValue("processed", run.processed())
					.addValue("imported", run.imported())
					.addValue("unchanged", run.unchanged())
					.addValue("rejected", run.rejectedCount())
					.addValue("errors", errorText(run.errors()))
					.addValue("status", status));
	}

	Optional<ImportJob> find(UUID storeId, UUID id) {
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

	static String errorText(List<ImportJob.RowError> errors) {
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

	static List<ImportJob.RowError> errors(@Nullable String text) {
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
