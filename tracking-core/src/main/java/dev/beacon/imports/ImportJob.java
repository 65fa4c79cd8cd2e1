package dev.beacon.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import job and how far it got. {@code status} is QUEUED, RUNNING, DONE or FAILED;
 * {@code imported} counts rows added or changed; {@code unchanged} rows were already
 * there exactly so (a re-upload).
 */
public record ImportJob(UUID id, UUID storeId, @Nullable String fileName, String status, int totalRows,
		int processedRows, int importedRows, int unchangedRows, int rejectedRows, List<RowError> errors,
		Instant createdAt, @Nullable Instant finishedAt) {

	public boolean finished() {
		return this.status.equals("DONE") || this.status.equals("FAILED");
	}

	/** A rejected row: its line in the file (the header is line 1), field and reason. */
	public record RowError(int line, String field, String message) {
	}

}
