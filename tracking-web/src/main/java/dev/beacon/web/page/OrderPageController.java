package dev.beacon.web.page;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.beacon.order.OrderDetails;
import dev.beacon.order.TrackingLinks;
import dev.beacon.web.page.PageModels.OrderView;

/**
 * {@code /t/{slug}/orders/{orderNumber}}: the order for a browser holding a grant; a
 * signed link ({@code ?k=}) is verified, never consumed (mail scanners open links too),
 * and exchanged for a grant on the clean URL so the token leaves the address bar.
 */
@Controller
class OrderPageController {

	private static final java.util.Set<String> SMS_NOTICES = java.util.Set.of("on", "off", "invalid");

	private final TrackingLinks links;

	private final AccessGrants grants;

	private final LookupLimiter limiter;

	private final ShopperOrders shopperOrders;

	private final PageViews views;

	OrderPageController(TrackingLinks links, AccessGrants grants, LookupLimiter limiter, ShopperOrders shopperOrders,
			PageViews views) {
		this.links = links;
		this.grants = grants;
		this.limiter = limiter;
		this.shopperOrders = shopperOrders;
		this.views = views;
	}

	@GetMapping("/t/{slug}/orders/{orderNumber}")
	ModelAndView order(ShopperContext shopper, @PathVariable String orderNumber,
			@RequestParam(name = "k", required = false) @Nullable String token,
			@RequestParam(name = "sms", required = false) @Nullable String sms, HttpServletRequest request,
			HttpServletResponse response) {
		if (shopper.orderNumber() == null) {
			throw PageException.notFound();
		}
		if (token != null) {
			PageViews.limit(this.limiter.lookup(shopper.client()));
			if (token.length() <= 200 && this.links.verify(shopper.slug(), orderNumber, token)) {
				this.grants.grant(request, response, shopper.slug(), orderNumber);
				return PageViews.redirect(PagePaths.order(shopper.slug(), orderNumber));
			}
			return this.views.lookup(request, shopper, orderNumber, null,
					this.views.msg(shopper.locale(), "lookup.linkExpired"), HttpStatus.OK);
		}
		if (!shopper.granted()) {
			return this.views.lookup(request, shopper, orderNumber, null,
					this.views.msg(shopper.locale(), "lookup.proofNeeded"), HttpStatus.OK);
		}
		PageViews.limit(this.limiter.view(shopper.client()));
		ShopperOrders.Loaded loaded = this.shopperOrders.load(shopper);
		OrderDetails order = loaded.order();
		OrderView view = this.shopperOrders.view(shopper, order, loaded.shipments());
		Map<String, Object> model = new HashMap<>();
		model.put("order", view);
		model.put("helpUrl", PagePaths.help(shopper.slug(), orderNumber));
		model.put("smsUrl", PagePaths.order(shopper.slug(), orderNumber) + "/sms");
		model.put("sms", SmsConsentController.SmsOffer.of(order, (sms != null && SMS_NOTICES.contains(sms))
				? this.views.msg(shopper.locale(), "order.sms.notice." + sms) : null));
		model.put("title", this.views.msg(shopper.locale(), "order.title", view.orderNumber()));
		return this.views.render(request, "order", shopper, HttpStatus.OK, model);
	}

}
