package dev.beacon.carriers.accounts;

import java.util.List;
import java.util.Map;

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

import dev.beacon.carriers.CarrierAccountException;
import dev.beacon.common.SecretsKeyMissingException;

/**
 * Problem+json for {@code /api/v1/carrier-accounts} (this module owns its REST errors):
 * 404 for an unknown carrier or a missing account, 422 naming the field at fault
 * ({@code errors[].field}, as the rest of the API), 409 naming {@code beacon.secrets.key}
 * when credentials cannot be stored encrypted, Spring MVC's request errors 4xx, anything
 * else a 500 without details.
 */
@RestControllerAdvice(assignableTypes = CarrierAccountsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CarrierAccountProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(CarrierAccountProblems.class);

	@ExceptionHandler(CarrierAccountException.class)
	ResponseEntity<ProblemDetail> account(CarrierAccountException ex) {
		if (ex.notFound()) {
			return answer(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null);
		}
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid carrier account", ex.getMessage(), ex.field());
	}

	@ExceptionHandler(SecretsKeyMissingException.class)
	ResponseEntity<ProblemDetail> noKey(SecretsKeyMissingException ex) {
		ResponseEntity<ProblemDetail> answer = answer(HttpStatus.CONFLICT, "Cannot store credentials", ex.getMessage(),
				null);
		answer.getBody().setProperty("property", ex.property());
		return answer;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Carrier account request failed", ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"the request could not be processed; retry later", null);
	}

	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail,
			@org.jspecify.annotations.Nullable String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return JsonErrors.unreadableResponse(ex);
	}

}
