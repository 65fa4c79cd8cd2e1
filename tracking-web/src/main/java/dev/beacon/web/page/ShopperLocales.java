package dev.beacon.web.page;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import dev.beacon.common.SupportedLocales;

/**
 * Chooses the page's language: the shopper's explicit choice ({@code ?lang=}, then
 * remembered in a cookie), else the best supported match of the browser's
 * Accept-Language, else the store's default, else English.
 */
@Component
class ShopperLocales {

	static final List<Locale> SUPPORTED = SupportedLocales.ALL;

	static final String COOKIE = "beacon_lang";

	static final String ATTRIBUTE = "beacon.page.locale";

	Locale resolve(HttpServletRequest request, HttpServletResponse response, @Nullable Locale storeDefault) {
		Locale chosen = supported(parameter(request, "lang"));
		if (chosen != null) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(COOKIE, chosen.toLanguageTag())
						.path("/t")
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.maxAge(60L * 60 * 24 * 365)
						.build()
						.toString());
		}
		if (chosen == null && request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					chosen = supported(cookie.getValue());
				}
			}
		}
		if (chosen == null) {
			chosen = fromHeader(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		}
		if (chosen == null && storeDefault != null) {
			chosen = supported(storeDefault.toLanguageTag());
		}
		Locale locale = (chosen != null) ? chosen : Locale.ENGLISH;
		request.setAttribute(ATTRIBUTE, locale);
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		return locale;
	}

	/** A query parameter, or null when the query string cannot be decoded. */
	static @Nullable String parameter(HttpServletRequest request, String name) {
		try {
			return request.getParameter(name);
		}
		catch (IllegalStateException ex) {
			// the container refuses a query string with broken percent-encoding
			return null;
		}
	}

	/** The supported locale for a tag: exact, else by language ("pt-PT" gives pt-BR). */
	static @Nullable Locale supported(@Nullable String tag) {
		return SupportedLocales.match(tag);
	}

	static @Nullable Locale fromHeader(@Nullable String header) {
		if (header == null || header.isBlank() || header.length() > 500) {
			return null;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() > 0 && !"*".equals(range.getRange())) {
				Locale match = supported(range.getRange());
				if (match != null) {
					return match;
				}
			}
		}
		return null;
	}

}
