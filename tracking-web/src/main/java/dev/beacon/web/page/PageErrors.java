package dev.beacon.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The tracking page's error pages (its controllers only): friendly, branded, in the
 * shopper's language; a request the container cannot decode (broken percent-encoding in
 * the query) is a 400 page, never the unbranded 500.
 */
@ControllerAdvice(assignableTypes = { LookupController.class, OrderPageController.class, HelpController.class,
		TrackController.class, PageFallbackController.class })
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private final PageViews views;

	PageErrors(PageViews views) {
		this.views = views;
	}

	@ExceptionHandler(PageException.class)
	ModelAndView page(PageException ex, HttpServletRequest request, HttpServletResponse response) {
		return this.views.error(request, response, ex.status(), ex.retryAfterSeconds());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class,
			HttpMessageNotReadableException.class, HttpMediaTypeException.class, MaxUploadSizeExceededException.class })
	ModelAndView badRequest(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		return this.views.error(request, response, HttpStatus.BAD_REQUEST, 0);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failure(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (undecodable(ex)) {
			return this.views.error(request, response, HttpStatus.BAD_REQUEST, 0);
		}
		log.error("Tracking page request {} failed", request.getRequestURI(), ex);
		return this.views.error(request, response, HttpStatus.INTERNAL_SERVER_ERROR, 0);
	}

	/**
	 * The container's "parameters cannot be decoded" (Tomcat's
	 * InvalidParameterException).
	 */
	static boolean undecodable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof IllegalStateException
					&& t.getClass().getSimpleName().equals("InvalidParameterException")) {
				return true;
			}
		}
		return false;
	}

}
