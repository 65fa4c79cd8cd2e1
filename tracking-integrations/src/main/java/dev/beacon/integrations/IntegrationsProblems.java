package dev.beacon.integrations;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import dev.beacon.common.JsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.beacon.common.SecretsKeyMissingException;

/**
 * The module's own REST errors (connection API, platform webhooks, OAuth redirects), as
 * problem+json: malformed requests are 400, refused connections 400/404/409, credentials
 * the platform did not accept 422, a platform that does not cooperate 502, anything
 * unexpected 500 without details.
 */
@RestControllerAdvice(basePackageClasses = IntegrationsProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntegrationsProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(IntegrationsProblems.class);

	@ExceptionHandler(IntegrationException.class)
	ResponseEntity<ProblemDetail> integration(IntegrationException ex) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case PLATFORM -> HttpStatus.BAD_GATEWAY;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(switch (ex.kind()) {
			case INVALID -> "Invalid connection request";
			case NOT_FOUND -> "Not connected";
			case CONFLICT -> "Cannot connect";
			case REFUSED -> "Credentials not accepted";
			case PLATFORM -> "The platform did not cooperate";
		});
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** Credentials cannot be stored encrypted: 409 naming {@code beacon.secrets.key}. */
	@ExceptionHandler(SecretsKeyMissingException.class)
	ResponseEntity<ProblemDetail> noSecretsKey(SecretsKeyMissingException ex) {
		return integration(new IntegrationException(IntegrationException.Kind.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Integration request failed", ex);
		return JsonErrors.internal("the request could not be processed; retry later");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return JsonErrors.unreadableResponse(ex);
	}

}
