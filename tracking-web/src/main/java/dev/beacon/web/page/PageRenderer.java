package dev.beacon.web.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

import dev.beacon.store.Brand;
import dev.beacon.store.Store;
import dev.beacon.web.page.PageModels.Language;
import dev.beacon.web.page.PageModels.StoreView;

/**
 * Renders tracking page templates in the shopper's language, whatever locale resolver the
 * application uses, with the store's branding and the request's CSP nonce.
 */
@Component
class PageRenderer {

	static final String STORE = "beacon.page.store";

	private static final Map<String, String> NAMES = Map.of("en", "English", "es", "Español", "pt-BR",
			"Português (Brasil)", "de", "Deutsch", "fr", "Français");

	private final ThymeleafViewResolver views;

	PageRenderer(ThymeleafViewResolver views) {
		this.views = views;
	}

	ModelAndView render(HttpServletRequest request, String template, @Nullable Store store, Locale locale,
			HttpStatusCode status, Map<String, ?> model) {
		View view;
		try {
			view = this.views.resolveViewName("web/page/" + template, locale);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot resolve template " + template, ex);
		}
		Map<String, Object> all = new HashMap<>(model);
		Brand brand = (store != null) ? store.getBrand() : Brand.defaults();
		all.put("store",
				(store != null) ? storeView(store) : new StoreView("", "Beacon", null, null, null, null, null));
		// a plain path, not a link expression: Thymeleaf's @{...} passes every link
		// through
		// the resource URL lookup, which probes the classpath for a path that is no asset
		all.put("homeUrl", (store != null) ? PagePaths.lookup(store.getSlug()) : null);
		all.put("brandCss", BrandStyle.css(brand));
		all.put("nonce", String.valueOf(request.getAttribute(PageSecurity.NONCE)));
		all.put("lang", locale.toLanguageTag());
		List<Language> languages = languages(request, locale);
		all.put("languagesHtml", PageHtml.languages(languages));
		all.put("currentLanguageHtml", PageHtml.currentLanguage(languages));
		ModelAndView mav = new ModelAndView(view, all);
		mav.setStatus(status);
		return mav;
	}

	private static StoreView storeView(Store store) {
		Brand b = store.getBrand();
		return new StoreView(store.getSlug(), store.getName(), httpsOrNull(b.logoUrl()), b.supportEmail(),
				b.supportPhone(), httpsOrNull(b.supportUrl()), b.helpText());
	}

	static @Nullable String httpsOrNull(@Nullable String url) {
		return (url != null && url.regionMatches(true, 0, "https://", 0, 8) && url.length() <= 2000) ? url : null;
	}

	private static List<Language> languages(HttpServletRequest request, Locale current) {
		List<Language> list = new ArrayList<>();
		for (Locale l : ShopperLocales.SUPPORTED) {
			String tag = l.toLanguageTag();
			list.add(new Language(tag, NAMES.get(tag), switchHref(request, tag), l.equals(current)));
		}
		return list;
	}

	/** This page in another language (GET), or the lookup form after a POST. */
	private static String switchHref(HttpServletRequest request, String tag) {
		if (!"GET".equals(request.getMethod())) {
			return "?lang=" + tag;
		}
		try {
			return UriComponentsBuilder.fromPath(request.getRequestURI())
				.query(request.getQueryString())
				.replaceQueryParam("lang", tag)
				.replaceQueryParam("k")
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			return "?lang=" + tag;
		}
	}

}
