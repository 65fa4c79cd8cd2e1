package dev.beacon.web.page;

import java.time.Clock;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import dev.beacon.order.TrackingLinks;

/**
 * The short-lived proof that this browser may see one order: an HttpOnly cookie scoped to
 * the order's path, set after a successful lookup or a valid signed link. Its value is
 * {@code <expiry>.<token>} where the token is a {@link TrackingLinks} signature over
 * slug, order number, purpose and expiry, so every instance sharing
 * {@code beacon.link-secret} accepts it and a grant cannot be used as a link.
 */
@Component
class AccessGrants {

	static final String COOKIE = "beacon_order";

	private static final String CHECKED = AccessGrants.class.getName() + ".checked\n";

	private final TrackingLinks links;

	private final PageSettings settings;

	private final Clock clock;

	AccessGrants(TrackingLinks links, PageSettings settings, Clock clock) {
		this.links = links;
		this.settings = settings;
		this.clock = clock;
	}

	void grant(HttpServletRequest request, HttpServletResponse response, String slug, String orderNumber) {
		long expiry = this.clock.instant().plus(this.settings.grantTtl()).getEpochSecond();
		String value = expiry + "." + this.links.token(slug, subject(orderNumber, expiry));
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
			.path(PagePaths.order(slug, orderNumber))
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.maxAge(this.settings.grantTtl())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	boolean granted(HttpServletRequest request, String slug, String orderNumber) {
		return grant(request, slug, orderNumber) != null;
	}

	/**
	 * The CSRF token of the order page's forms for the browser holding this order's grant
	 * (null without a valid grant): a signature over the grant's own signature, with the
	 * grant's expiry, for another purpose, so it is the same on every view and every
	 * instance while the grant lasts, cannot be computed without the link secret nor used
	 * as a grant or link, and needs no cookie of its own.
	 */
	@Nullable String formToken(HttpServletRequest request, String slug, String orderNumber) {
		String grant = grant(request, slug, orderNumber);
		if (grant == null) {
			return null;
		}
		int dot = grant.indexOf('.');
		return this.links.token(slug, orderNumber + "\nform\n" + grant.substring(dot + 1),
				Long.parseLong(grant.substring(0, dot)));
	}

	/**
	 * The request's valid grant for the order, checked once per request (the CSRF token
	 * and the page's controller both ask).
	 */
	private @Nullable String grant(HttpServletRequest request, String slug, String orderNumber) {
		String key = CHECKED + slug + "\n" + orderNumber;
		if (request.getAttribute(key) instanceof String checked) {
			return checked.isEmpty() ? null : checked;
		}
		String grant = null;
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && valid(cookie.getValue(), slug, orderNumber)) {
					grant = cookie.getValue();
					break;
				}
			}
		}
		request.setAttribute(key, (grant != null) ? grant : "");
		return grant;
	}

	private boolean valid(@Nullable String value, String slug, String orderNumber) {
		if (value == null || value.length() > 200) {
			return false;
		}
		int dot = value.indexOf('.');
		if (dot <= 0) {
			return false;
		}
		long expiry;
		try {
			expiry = Long.parseLong(value.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		// compared as epoch seconds: an expiry beyond Instant's range is simply invalid
		long now = this.clock.instant().getEpochSecond();
		if (expiry < now || expiry > now + this.settings.grantTtl().toSeconds() + 60) {
			return false;
		}
		return this.links.verify(slug, subject(orderNumber, expiry), value.substring(dot + 1));
	}

	private static String subject(String orderNumber, long expiry) {
		return orderNumber + "\ngrant\n" + expiry;
	}

}
