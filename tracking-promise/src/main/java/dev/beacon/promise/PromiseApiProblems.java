package dev.beacon.promise;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

import dev.beacon.common.JsonErrors;

/**
 * RFC 9457 problem+json for the promise module's API ({@code /api/v1/promise},
 * {@code /api/v1/imports/**}): bad input is a 400, an unknown import a 404 (an import
 * refused for now is answered by core's {@code ImportEndpoint}). Ordered first and scoped
 * to this module's controllers, so no other module's catch-all turns these into 500s.
 */
@RestControllerAdvice(basePackages = "dev.beacon.promise")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PromiseApiProblems {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = JsonErrors.unreadable(ex);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler({ IllegalArgumentException.class, MultipartException.class })
	ResponseEntity<ProblemDetail> invalid(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getParameterName() + " is required");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getRequestPartName() + " is required");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getName() + " has an invalid value");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"send text/csv or multipart/form-data");
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> status(ResponseStatusException ex) {
		HttpStatusCode code = ex.getStatusCode();
		HttpStatus status = HttpStatus.resolve(code.value());
		return problem((status != null) ? status : HttpStatus.BAD_REQUEST,
				(status != null) ? status.getReasonPhrase() : "Error", String.valueOf(ex.getReason()));
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
