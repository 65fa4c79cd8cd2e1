package dev.beacon.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One running import as its {@link ImportProcessor} sees it: the store, and the counters
 * and rejected rows it reports. Progress is saved on the job at every {@link #written
 * written batch}.
 */
public final class ImportRun {

	/** Rejected rows kept on the job (the count goes on beyond). */
	public static final int MAX_ERRORS_KEPT = 1000;

	private final UUID id;

	private final UUID storeId;

	private final Consumer<ImportRun> checkpoint;

	private final List<ImportJob.RowError> errors = new ArrayList<>();

	private int processed;

	private int imported;

	private int unchanged;

	private int rejected;

	ImportRun(UUID id, UUID storeId, Consumer<ImportRun> checkpoint) {
		this.id = id;
		this.storeId = storeId;
		this.checkpoint = checkpoint;
	}

	public UUID id() {
		return this.id;
	}

	public UUID storeId() {
		return this.storeId;
	}

	/** A row was read (accepted or rejected later). */
	public void read() {
		this.processed++;
	}

	/** The row read last at {@code line} is rejected because of {@code field}. */
	public void rejected(int line, String field, String message) {
		this.rejected++;
		if (this.errors.size() < MAX_ERRORS_KEPT) {
			this.errors.add(new ImportJob.RowError(line, field, message));
		}
	}

	/**
	 * A batch of {@code rows} accepted rows was stored, {@code changed} of them new or
	 * changed.
	 */
	public void written(int rows, int changed) {
		this.imported += changed;
		this.unchanged += rows - changed;
		this.checkpoint.accept(this);
	}

	void failed(String message) {
		this.errors.add(new ImportJob.RowError(0, "file", "import stopped: " + message));
	}

	int processed() {
		return this.processed;
	}

	int imported() {
		return this.imported;
	}

	int unchanged() {
		return this.unchanged;
	}

	int rejectedCount() {
		return this.rejected;
	}

	List<ImportJob.RowError> errors() {
		return this.errors;
	}

}
