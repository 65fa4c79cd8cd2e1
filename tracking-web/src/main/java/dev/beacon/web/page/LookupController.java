package dev.beacon.web.page;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;

/**
 * {@code /t/{slug}}: the lookup form, and the lookup itself (order number plus email or
 * postal code, see {@link OrderProof}), which grants this browser the order on success.
 * Order numbers are found whatever their case ({@code nw-1004} finds {@code NW-1004}).
 */
@Controller
class LookupController {

	private final OrderManagement orders;

	private final AccessGrants grants;

	private final LookupLimiter limiter;

	private final ProofLimits proofLimits;

	private final OrderProof proof;

	private final PageViews views;

	LookupController(OrderManagement orders, AccessGrants grants, LookupLimiter limiter, ProofLimits proofLimits,
			OrderProof proof, PageViews views) {
		this.orders = orders;
		this.grants = grants;
		this.limiter = limiter;
		this.proofLimits = proofLimits;
		this.proof = proof;
		this.views = views;
	}

	@GetMapping({ "/t/{slug}", "/t/{slug}/" })
	ModelAndView lookupForm(ShopperContext shopper,
			@RequestParam(name = "order", required = false) @Nullable String order, HttpServletRequest request) {
		String prefill = (order != null && PagePaths.plausibleOrderNumber(order.strip())) ? order.strip() : "";
		return this.views.lookup(request, shopper, prefill, null, null, HttpStatus.OK);
	}

	@PostMapping("/t/{slug}")
	ModelAndView lookup(ShopperContext shopper, @RequestParam(defaultValue = "") String orderNumber,
			@RequestParam(defaultValue = "") String contact, HttpServletRequest request, HttpServletResponse response) {
		long start = System.nanoTime();
		PageViews.limit(this.limiter.lookup(shopper.client()));
		String number = orderNumber.strip().replaceFirst("^#", "").strip();
		String given = contact.strip();
		if (!PagePaths.plausibleOrderNumber(number) || given.isEmpty() || given.length() > 254) {
			return this.views.lookup(request, shopper, PagePaths.plausibleOrderNumber(number) ? number : "",
					this.views.msg(shopper.locale(), "lookup.invalid"), null, HttpStatus.BAD_REQUEST);
		}
		ProofLimits.Try taken = this.proofLimits.take(shopper.store().getId(), number, shopper.client());
		PageViews.limit(taken.waitSeconds());
		Optional<Order> found = this.orders.findIgnoringCase(shopper.store().getId(), number);
		if (this.proof.proves(found.orElse(null), given)) {
			this.proofLimits.refund(taken);
			Order order = found.get();
			this.grants.grant(request, response, shopper.slug(), order.getOrderNumber());
			return PageViews.redirect(PagePaths.order(shopper.slug(), order.getOrderNumber()));
		}
		this.proof.padFailure(start);
		return this.views.lookup(request, shopper, number, this.views.msg(shopper.locale(), "lookup.failed"), null,
				HttpStatus.OK);
	}

}
