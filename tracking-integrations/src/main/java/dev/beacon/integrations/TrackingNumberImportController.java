package dev.beacon.integrations;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.imports.ImportEndpoint;
import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.imports.ImportUploads;
import dev.beacon.store.StorePrincipal;

/**
 * {@code POST /api/v1/imports/tracking-numbers}: a CSV body
 * ({@code orderNumber,trackingNumber,carrier,shippedAt}) becomes an import job (202, its
 * progress and rejected lines at {@code GET /api/v1/imports/{id}}). The upload, the job
 * and the refusals are core's {@link ImportEndpoint}.
 */
@RestController
class TrackingNumberImportController extends ImportEndpoint {

	TrackingNumberImportController(ImportJobs jobs, ImportUploads uploads) {
		super(jobs, uploads);
	}

	@PostMapping(path = "/api/v1/imports/tracking-numbers", consumes = { "text/csv", "text/plain" },
			produces = "application/json")
	ResponseEntity<ImportJob> upload(@AuthenticationPrincipal StorePrincipal store, HttpServletRequest request,
			@RequestParam(name = "fileName", required = false) @Nullable String fileName) throws IOException {
		return start(store.storeId(), TrackingNumberImport.KIND, request.getInputStream(),
				request.getContentLengthLong(), (fileName != null) ? fileName : "tracking-numbers.csv");
	}

}
