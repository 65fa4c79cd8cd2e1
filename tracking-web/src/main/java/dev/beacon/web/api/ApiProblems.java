package dev.beacon.web.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.beacon.common.JsonErrors;
import dev.beacon.order.OrderException;
import dev.beacon.shipment.RefreshLimitedException;
import dev.beacon.shipment.ShipmentException;
import dev.beacon.store.InvalidStoreException;
import dev.beacon.web.hooks.WebhookException;

/**
 * Turns every error of the public API's controllers (this package only: other modules own
 * their REST errors) into RFC 9457 problem+json. Input errors name the field at fault in
 * {@code errors[].field}; nothing internal leaks.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static ProblemDetail problem(HttpStatus status, String title, String detail, @Nullable String field) {
		return JsonErrors.problem(status, title, detail, field);
	}

	@ExceptionHandler(OrderException.class)
	ProblemDetail order(OrderException ex) {
		return switch (ex.kind()) {
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Order not found", ex.getMessage(), null);
			case DUPLICATE -> problem(HttpStatus.CONFLICT, "Duplicate order", ex.getMessage(), ex.field());
			case INVALID -> problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), ex.field());
		};
	}

	@ExceptionHandler(ShipmentException.class)
	ProblemDetail shipment(ShipmentException ex) {
		return switch (ex.kind()) {
			case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Shipment not found", ex.getMessage(), null);
			case DUPLICATE -> problem(HttpStatus.CONFLICT, "Duplicate shipment", ex.getMessage(), ex.field());
			case INVALID -> problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), ex.field());
			case UNDETECTED ->
				problem(HttpStatus.UNPROCESSABLE_CONTENT, "Carrier not recognised", ex.getMessage(), ex.field());
		};
	}

	@ExceptionHandler(RefreshLimitedException.class)
	ResponseEntity<ProblemDetail> refreshLimited(RefreshLimitedException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "Refresh limited", ex.getMessage(), null));
	}

	@ExceptionHandler(InvalidStoreException.class)
	ProblemDetail store(InvalidStoreException ex) {
		return ex.isConflict() ? problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), ex.field())
				: problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), ex.field());
	}

	@ExceptionHandler(IdempotencyException.class)
	ProblemDetail idempotency(IdempotencyException ex) {
		return problem(ex.status(), ex.title(), ex.getMessage(), "Idempotency-Key");
	}

	@ExceptionHandler(ApiNotFound.class)
	ProblemDetail notFound(ApiNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource in this store", null);
	}

	@ExceptionHandler(WebhookException.class)
	ProblemDetail webhook(WebhookException ex) {
		return problem(ex.unprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST, "Invalid request",
				ex.getMessage(), ex.field());
	}

	@ExceptionHandler(ApiInputException.class)
	ProblemDetail input(ApiInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), ex.field());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		if ("id".equals(ex.getName())) {
			// an id that cannot exist is simply not found, like another store's id
			return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource in this store", null);
		}
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getName() + " has an invalid value", ex.getName());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected API error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; the request may be retried.", null);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", fe.getField(), "message",
					(fe.getDefaultMessage() != null) ? fe.getDefaultMessage() : "is invalid"));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((ge) -> errors.add(Map.of("field", ge.getObjectName(), "message",
					(ge.getDefaultMessage() != null) ? ge.getDefaultMessage() : "is invalid")));
		ProblemDetail p = ProblemDetail
			.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() + " field(s) are invalid: "
					+ String.join(", ", errors.stream().map((e) -> e.get("field") + " " + e.get("message")).toList()));
		p.setTitle("Invalid request");
		p.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(p);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((r) -> {
			String name = r.getMethodParameter().getParameterName();
			String field = (name != null) ? name : "parameter";
			r.getResolvableErrors().forEach((e) -> {
				String message = e.getDefaultMessage();
				errors.add(Map.of("field", field, "message", (message != null) ? message : "is invalid"));
			});
		});
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameters are invalid");
		p.setTitle("Invalid request");
		p.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(p);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail p = JsonErrors.unreadable(ex);
		p.setType(URI.create("about:blank"));
		return ResponseEntity.badRequest().body(p);
	}

}
