package dev.beacon.web.page;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import dev.beacon.store.Store;

/**
 * The views more than one page controller answers with: the lookup form (with an error or
 * a notice), the branded error page and redirects, in the shopper's language.
 */
@Component
class PageViews {

	private final PageRenderer renderer;

	private final ShopperLocales locales;

	private final MessageSource messages;

	PageViews(PageRenderer renderer, ShopperLocales locales, MessageSource messages) {
		this.renderer = renderer;
		this.locales = locales;
		this.messages = messages;
	}

	ModelAndView render(HttpServletRequest request, String template, ShopperContext shopper, HttpStatus status,
			Map<String, ?> model) {
		return this.renderer.render(request, template, shopper.store(), shopper.locale(), status, model);
	}

	ModelAndView lookup(HttpServletRequest request, ShopperContext shopper, String orderNumber, @Nullable String error,
			@Nullable String notice, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(shopper.locale(), "lookup.title"));
		model.put("orderNumber", orderNumber);
		model.put("error", error);
		model.put("notice", notice);
		model.put("action", PagePaths.lookup(shopper.slug()));
		model.put("trackAction", PagePaths.track(shopper.slug()));
		return render(request, "lookup", shopper, status, model);
	}

	/** The branded error page, in the store's colours when the store is known. */
	ModelAndView error(HttpServletRequest request, HttpServletResponse response, HttpStatus status, long retryAfter) {
		Store store = (request.getAttribute(PageRenderer.STORE) instanceof Store s) ? s : null;
		Locale locale = (request.getAttribute(ShopperLocales.ATTRIBUTE) instanceof Locale l) ? l
				: this.locales.resolve(request, response, (store != null) ? store.getDefaultLocale() : null);
		if (retryAfter > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		int code = status.value();
		String key = switch (code) {
			case 400, 403, 404, 429 -> Integer.toString(code);
			default -> "500";
		};
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(locale, "error.title." + key));
		model.put("heading", msg(locale, "error.title." + key));
		model.put("text", msg(locale, "error.text." + key, Math.max(1, (retryAfter + 59) / 60)));
		model.put("code", code);
		model.put("lookupUrl", (store != null) ? PagePaths.lookup(store.getSlug()) : null);
		return this.renderer.render(request, "error", store, locale, status, model);
	}

	static ModelAndView redirect(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	/** Ends the request with a 429 page when a limit says to wait. */
	static void limit(long waitSeconds) {
		if (waitSeconds > 0) {
			throw PageException.tooMany(waitSeconds);
		}
	}

	String msg(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
