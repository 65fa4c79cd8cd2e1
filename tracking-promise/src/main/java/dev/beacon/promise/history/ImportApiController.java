package dev.beacon.promise.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import dev.beacon.imports.ImportEndpoint;
import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.imports.ImportUploads;
import dev.beacon.promise.HistoryKind;
import dev.beacon.store.StorePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports/shipments} (CSV as the body with {@code text/csv}, or a
 * multipart {@code file}) answers 202 with the job (429 when the store already has a
 * running and a queued import, or the queue is full; 503 when the disk is short);
 * {@code GET /api/v1/imports/{id}} shows any import job's progress and rejected rows. The
 * upload, the job and the refusals are core's {@link ImportEndpoint}.
 */
@RestController
class ImportApiController extends ImportEndpoint {

	ImportApiController(ImportJobs jobs, ImportUploads uploads) {
		super(jobs, uploads);
	}

	@PostMapping(path = "/api/v1/imports/shipments", consumes = { "text/csv", "text/plain" },
			produces = "application/json")
	ResponseEntity<ImportJob> upload(@AuthenticationPrincipal StorePrincipal store, HttpServletRequest request,
			@RequestParam(name = "fileName", required = false) @Nullable String fileName) throws IOException {
		return start(store.storeId(), HistoryKind.SHIPMENTS, request.getInputStream(), request.getContentLengthLong(),
				(fileName != null) ? fileName : "upload.csv");
	}

	@PostMapping(path = "/api/v1/imports/shipments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = "application/json")
	ResponseEntity<ImportJob> uploadFile(@AuthenticationPrincipal StorePrincipal store,
			@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return start(store.storeId(), HistoryKind.SHIPMENTS, in, file.getSize(), file.getOriginalFilename());
		}
	}

	@GetMapping(path = "/api/v1/imports/{id}", produces = "application/json")
	ImportJob job(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id) {
		return job(store.storeId(), id);
	}

}
