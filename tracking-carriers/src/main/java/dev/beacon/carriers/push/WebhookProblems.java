package dev.beacon.carriers.push;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import dev.beacon.common.JsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem+json for the inbound webhook endpoints (this module owns its REST errors):
 * Spring MVC's request errors are 4xx through the base class, anything unexpected a 500
 * so the sender retries.
 */
@RestControllerAdvice(assignableTypes = CarrierWebhookController.class)
class WebhookProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Inbound webhook failed", ex);
		return JsonErrors.internal("the delivery could not be processed; retry later");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return JsonErrors.unreadableResponse(ex);
	}

}
