package dev.beacon.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every CSV import's REST endpoint shares, so a module's upload controller only
 * declares its path and its kind: the upload is received into a temporary file
 * ({@link ImportUploads}: size limit, free-disk check), the job started and answered as
 * 202 with {@code Location: /api/v1/imports/{id}}; a job of another store is a 404; an
 * import refused for now is a problem+json 429 (503 when the disk is short) with
 * Retry-After. The handler below applies to the extending controller only.
 */
public abstract class ImportEndpoint {

	private final ImportJobs jobs;

	private final ImportUploads uploads;

	protected ImportEndpoint(ImportJobs jobs, ImportUploads uploads) {
		this.jobs = jobs;
		this.uploads = uploads;
	}

	/**
	 * Receives {@code body} and starts a job of {@code kind} on it.
	 * @param length the declared length (Content-Length), or -1 when unknown
	 */
	protected final ResponseEntity<ImportJob> start(UUID storeId, String kind, InputStream body, long length,
			@Nullable String fileName) throws IOException {
		Path file = this.uploads.receive(body, length);
		ImportJob job = this.jobs.start(storeId, kind, fileName, file);
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	/** The store's import job, or a 404. */
	protected final ImportJob job(UUID storeId, UUID id) {
		return this.jobs.job(storeId, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no import " + id + " in this store"));
	}

	@ExceptionHandler(ImportRefusedException.class)
	protected ResponseEntity<ProblemDetail> refused(ImportRefusedException ex) {
		boolean disk = ex.reason() == ImportRefusedException.Reason.DISK_FULL;
		HttpStatus status = disk ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(disk ? "Not enough disk" : "Too many imports");
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status)
			.header(HttpHeaders.RETRY_AFTER, disk ? "300" : "60")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
