package dev.beacon.imports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of import: what its file must look like and what its rows mean. Core owns the
 * interface and the jobs around it ({@link ImportJobs}); the module that owns the rows
 * implements it as a bean.
 */
public interface ImportProcessor {

	/** The kind, as in {@code POST /api/v1/imports/{kind}}, e.g. {@code shipments}. */
	String kind();

	/**
	 * Checks the file as a whole (its header) before a job is recorded.
	 * @throws IllegalArgumentException when it is not a file of this kind at all (the
	 * message is shown to the client)
	 */
	void check(Path file) throws IOException;

	/**
	 * Reads and stores the rows, reporting each row through {@code run} (rejected rows by
	 * line, written batches with {@link ImportRun#written}). Rows already committed stay
	 * when a later row fails the whole job.
	 */
	void process(ImportRun run, Path file) throws IOException;

}
