package dev.beacon.web.page;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import dev.beacon.common.QueryStrings;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * Who is asking, resolved once per tracking page request from the path: the store (an
 * unknown slug is a 404), the shopper's language, the client key the limits count by,
 * and, on an order's URLs, whether this browser holds a grant for that order.
 *
 * @param store the store of {@code {slug}}
 * @param locale the shopper's language
 * @param client the client key ({@link ClientKeys})
 * @param orderNumber {@code {orderNumber}} when the URL has one and it is plausible
 * @param granted whether the browser proved it may see that order
 */
record ShopperContext(Store store, Locale locale, String client, @Nullable String orderNumber, boolean granted) {

	String slug() {
		return this.store.getSlug();
	}

	/** Resolves {@link ShopperContext} controller arguments. */
	static final class Resolver implements HandlerMethodArgumentResolver {

		private final StoreManagement stores;

		private final ShopperLocales locales;

		private final AccessGrants grants;

		Resolver(StoreManagement stores, ShopperLocales locales, AccessGrants grants) {
			this.stores = stores;
			this.locales = locales;
			this.grants = grants;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == ShopperContext.class;
		}

		@Override
		public ShopperContext resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
				NativeWebRequest web, @Nullable WebDataBinderFactory binders) {
			HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
			HttpServletResponse response = web.getNativeResponse(HttpServletResponse.class);
			boolean decodable = QueryStrings.decodable(request.getQueryString());
			@SuppressWarnings("unchecked")
			Map<String, String> vars = (Map<String, String>) request
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			String slug = (vars != null) ? vars.get("slug") : null;
			Store store = store(slug, request);
			Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
			if (!decodable) {
				// the container cannot decode the query: a branded 400, never a guess at
				// it
				throw new PageException(HttpStatus.BAD_REQUEST);
			}
			String number = (vars != null) ? vars.get("orderNumber") : null;
			if (number != null && !PagePaths.plausibleOrderNumber(number)) {
				number = null;
			}
			boolean granted = number != null && this.grants.granted(request, slug, number);
			return new ShopperContext(store, locale, ClientKeys.of(request.getRemoteAddr()), number, granted);
		}

		private Store store(@Nullable String slug, HttpServletRequest request) {
			if (slug == null || !PagePaths.SLUG.matcher(slug).matches()) {
				throw PageException.notFound();
			}
			Store store = this.stores.recentBySlug(slug).orElseThrow(PageException::notFound);
			request.setAttribute(PageRenderer.STORE, store);
			return store;
		}

	}

}
