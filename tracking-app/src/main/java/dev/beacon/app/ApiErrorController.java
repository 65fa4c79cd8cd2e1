package dev.beacon.app;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import dev.beacon.common.JsonErrors;

/**
 * The error page ({@code /error}) for everything no module's problem handler answered:
 * under {@code /api/**} and {@code /webhooks/**} (an unknown route, a wrong method or
 * media type, an error outside any controller) it is problem+json like every other API
 * error; elsewhere (tracking page, console) Spring Boot's error pages as before.
 */
class ApiErrorController extends BasicErrorController {

	private static final String RETRY = "Something went wrong on our side; the request may be retried.";

	private final ErrorAttributes errorAttributes;

	private final JsonMapper json;

	ApiErrorController(ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
			JsonMapper json) {
		super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
		this.errorAttributes = errorAttributes;
		this.json = json;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (!api(request)) {
			return super.error(request);
		}
		ProblemDetail problem = problem(request);
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(fields(problem));
	}

	@Override
	public @Nullable ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (!api(request)) {
			return super.errorHtml(request, response);
		}
		ProblemDetail problem = problem(request);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		try {
			this.json.writeValue(response.getOutputStream(), fields(problem));
		}
		catch (java.io.IOException ex) {
			// the client went away
		}
		return null;
	}

	@Override
	public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
		if (!api(request)) {
			return super.mediaTypeNotAcceptable(request);
		}
		return ResponseEntity.status(getStatus(request)).build();
	}

	private ProblemDetail problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		Throwable error = this.errorAttributes.getError(new ServletWebRequest(request));
		String detail;
		if (status == HttpStatus.NOT_FOUND) {
			detail = "there is no " + request.getMethod() + " " + path(request);
		}
		else if (status.is5xxServerError()) {
			detail = RETRY;
		}
		else if (error instanceof ErrorResponse response && response.getBody().getDetail() != null) {
			detail = response.getBody().getDetail();
		}
		else {
			detail = status.getReasonPhrase();
		}
		return JsonErrors.problem(status, status.getReasonPhrase(), detail, null);
	}

	private static Map<String, Object> fields(ProblemDetail problem) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", "about:blank");
		fields.put("title", problem.getTitle());
		fields.put("status", problem.getStatus());
		fields.put("detail", problem.getDetail());
		return fields;
	}

	private static boolean api(HttpServletRequest request) {
		String path = path(request);
		return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/webhooks/");
	}

	private static String path(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		String context = request.getContextPath();
		return (!context.isEmpty() && path.startsWith(context)) ? path.substring(context.length()) : path;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Replaces Spring Boot's {@code BasicErrorController} (it backs off). */
		@Bean
		ApiErrorController apiErrorController(ErrorAttributes errorAttributes, WebProperties web,
				ObjectProvider<ErrorViewResolver> resolvers, JsonMapper json) {
			return new ApiErrorController(errorAttributes, web, resolvers, json);
		}

	}

}
