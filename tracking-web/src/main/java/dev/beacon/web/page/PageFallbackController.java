package dev.beacon.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything else under {@code /t}: unknown paths (a 404 in the store's branding when the
 * store exists) and the target the page's security chain forwards refusals to.
 */
@Controller
class PageFallbackController {

	static final String DENIED = "/t/_denied";

	private final PageViews views;

	PageFallbackController(PageViews views) {
		this.views = views;
	}

	@RequestMapping(DENIED)
	ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
		return this.views.error(request, response, HttpStatus.FORBIDDEN, 0);
	}

	@RequestMapping({ "/t", "/t/" })
	ModelAndView unknown() {
		throw PageException.notFound();
	}

	@RequestMapping("/t/{slug}/**")
	ModelAndView unknown(ShopperContext shopper) {
		// resolving the shopper sets the store's branding for the 404 page
		throw PageException.notFound();
	}

}
