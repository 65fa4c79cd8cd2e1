package dev.beacon.admin.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import dev.beacon.admin.AdminApi;
import dev.beacon.admin.ConsoleNotFoundException;
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
 * multipart {@code file}) answers 202 with the job; {@code GET /api/v1/imports/{id}}
 * shows its progress and rejected rows.
 */
@RestController
class ImportApiController implements AdminApi {

	/** The largest upload accepted (about a million rows). */
	static final long MAX_BYTES = 200L * 1024 * 1024;

	private final HistoryImports imports;

	ImportApiController(HistoryImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/v1/imports/shipments", consumes = { "text/csv", "text/plain" },
			produces = "application/json")
	ResponseEntity<ImportJob> upload(@AuthenticationPrincipal StorePrincipal store, HttpServletRequest request,
			@RequestParam(name = "fileName", required = false) @Nullable String fileName) throws IOException {
		return start(store, request.getInputStream(), (fileName != null) ? fileName : "upload.csv");
	}

	@PostMapping(path = "/api/v1/imports/shipments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = "application/json")
	ResponseEntity<ImportJob> uploadFile(@AuthenticationPrincipal StorePrincipal store,
			@RequestPart("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return start(store, in, file.getOriginalFilename());
		}
	}

	@GetMapping(path = "/api/v1/imports/{id}", produces = "application/json")
	ImportJob job(@AuthenticationPrincipal StorePrincipal store, @PathVariable UUID id) {
		return this.imports.job(store.storeId(), id).orElseThrow(() -> new ConsoleNotFoundException("import"));
	}

	private ResponseEntity<ImportJob> start(StorePrincipal store, InputStream body, @Nullable String name)
			throws IOException {
		Path file = Files.createTempFile("beacon-history-", ".csv");
		try {
			long size = Files.copy(new LimitedStream(body, MAX_BYTES), file, StandardCopyOption.REPLACE_EXISTING);
			if (size == 0) {
				throw new IllegalArgumentException("the upload is empty");
			}
			ImportJob job = this.imports.start(store.storeId(), name, file);
			return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/** Stops reading (with a 400) beyond the size limit. */
	static final class LimitedStream extends java.io.FilterInputStream {

		private final long max;

		private long read;

		LimitedStream(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) {
			this.read += n;
			if (this.read > this.max) {
				throw new IllegalArgumentException("the upload is larger than " + this.max / (1024 * 1024) + " MB");
			}
		}

	}

}
