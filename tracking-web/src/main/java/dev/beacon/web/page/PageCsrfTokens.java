package dev.beacon.web.page;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.util.UriUtils;

/**
 * The page's CSRF tokens. A proven order page ({@code GET /t/{slug}/orders/{n}} with a
 * valid grant and no signed link) and the post of its one form, the SMS opt-in
 * ({@code POST .../sms}), use the token bound to the order's grant
 * ({@link AccessGrants#formToken}): nothing is generated and no cookie is set to view the
 * order. Every other request (lookup and help forms, a page shown without proof) keeps
 * the token in the {@code beacon_csrf} cookie, generated when a form first needs it. The
 * filter's checks are Spring Security's either way: a post needs the token of its
 * request, masked as the page rendered it.
 */
final class PageCsrfTokens implements CsrfTokenRepository {

	private static final Pattern ORDER = Pattern.compile("/t/([a-z0-9-]+)/orders/([^/;]+)(/sms)?");

	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	private final AccessGrants grants;

	PageCsrfTokens(AccessGrants grants) {
		this.grants = grants;
		this.cookies.setCookieName("beacon_csrf");
		this.cookies.setCookiePath("/t");
		this.cookies.setCookieCustomizer((c) -> c.sameSite("Lax").httpOnly(true));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		CsrfToken bound = bound(request);
		return (bound != null) ? bound : this.cookies.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (bound(request) == null) {
			this.cookies.saveToken(token, request, response);
		}
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		CsrfToken bound = bound(request);
		return (bound != null) ? bound : this.cookies.loadToken(request);
	}

	private @Nullable CsrfToken bound(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher m = ORDER.matcher(path);
		if (!m.matches() || !(m.group(3) != null ? "POST".equals(request.getMethod())
				: ("GET".equals(request.getMethod()) && !signedLink(request.getQueryString())))) {
			return null;
		}
		String slug = m.group(1);
		String number = UriUtils.decode(m.group(2), StandardCharsets.UTF_8);
		if (!PagePaths.SLUG.matcher(slug).matches() || !PagePaths.plausibleOrderNumber(number)) {
			return null;
		}
		String token = this.grants.formToken(request, slug, number);
		return (token != null) ? new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token) : null;
	}

	/** A {@code k} parameter: the page answers with a redirect or the lookup form. */
	private static boolean signedLink(@Nullable String query) {
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			if (pair.equals("k") || pair.startsWith("k=")) {
				return true;
			}
		}
		return false;
	}

}
