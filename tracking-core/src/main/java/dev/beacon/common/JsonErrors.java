package dev.beacon.common;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The one way every module answers its REST errors as RFC 9457 problem+json
 * ({@code status}, {@code title}, {@code detail}, and {@code errors[].field} for input at
 * fault), including a body that cannot be read: {@link #unreadable} names the JSON path
 * of the field it could not be read at.
 */
public final class JsonErrors {

	private JsonErrors() {
	}

	/**
	 * A problem with the given status, title and detail; with a field, also
	 * {@code errors: [{field, message}]}.
	 */
	public static ProblemDetail problem(HttpStatusCode status, String title, String detail, @Nullable String field) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setTitle(title);
		if (field != null) {
			p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return p;
	}

	/**
	 * The 500 problem+json for an unexpected failure ({@code Internal error}; the detail
	 * says whether the caller should retry).
	 */
	public static ResponseEntity<ProblemDetail> internal(String detail) {
		return ResponseEntity.internalServerError()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", detail, null));
	}

	/**
	 * {@link #unreadable} as the 400 problem+json response (for
	 * {@code ResponseEntityExceptionHandler.handleHttpMessageNotReadable}).
	 */
	public static ResponseEntity<Object> unreadableResponse(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(unreadable(ex));
	}

	/** The 400 for a body that cannot be read, naming the field at fault when known. */
	public static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String field = path(ex);
		String detail = (field != null)
				? field + " has a missing or malformed value (times are ISO-8601 with an "
						+ "offset such as 2026-03-01T10:15:00Z, dates are YYYY-MM-DD)"
				: "the body is not valid JSON for this endpoint";
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, field);
	}

	/** The JSON path of the field a body could not be read at, if any. */
	public static @Nullable String path(HttpMessageNotReadableException ex) {
		Throwable t = ex.getCause();
		while (t != null) {
			if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
				return je.getPath()
					.stream()
					.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
					.collect(Collectors.joining("."))
					.replace(".[", "[");
			}
			t = t.getCause();
		}
		return null;
	}

}
