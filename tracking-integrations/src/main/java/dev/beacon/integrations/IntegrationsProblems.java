package dev.beacon.integrations;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The module's own REST errors, as problem+json. */
@RestControllerAdvice(basePackages = "dev.beacon.integrations")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class IntegrationsProblems {

	@ExceptionHandler(IntegrationException.class)
	ResponseEntity<ProblemDetail> integration(IntegrationException ex) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case PLATFORM -> HttpStatus.BAD_GATEWAY;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(switch (ex.kind()) {
			case INVALID -> "Invalid connection request";
			case NOT_FOUND -> "Not connected";
			case CONFLICT -> "Cannot connect";
			case PLATFORM -> "The platform did not cooperate";
		});
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
