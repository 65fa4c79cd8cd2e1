package dev.beacon.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The URLs of the tracking page, built in one place. */
final class PagePaths {

	static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	private PagePaths() {
	}

	static String lookup(String slug) {
		return "/t/" + slug;
	}

	static String order(String slug, String orderNumber) {
		return "/t/" + slug + "/orders/" + encode(orderNumber);
	}

	static String help(String slug, String orderNumber) {
		return order(slug, orderNumber) + "/help";
	}

	static String track(String slug) {
		return "/t/" + slug + "/track";
	}

	static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Order numbers as shoppers type them: 1 to 64 printable characters without slashes.
	 */
	static boolean plausibleOrderNumber(String orderNumber) {
		return !orderNumber.isEmpty() && orderNumber.length() <= 64
				&& orderNumber.codePoints().noneMatch((c) -> Character.isISOControl(c) || c == '/' || c == '\\');
	}

}
