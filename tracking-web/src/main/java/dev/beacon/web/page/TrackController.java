package dev.beacon.web.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;

/**
 * {@code /t/{slug}/track?number=}: a tracking number alone shows status and history, no
 * order details.
 */
@Controller
class TrackController {

	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{6,40}");

	private final ShipmentManagement shipments;

	private final LookupLimiter limiter;

	private final OrderPresenter presenter;

	private final PageViews views;

	TrackController(ShipmentManagement shipments, LookupLimiter limiter, OrderPresenter presenter, PageViews views) {
		this.shipments = shipments;
		this.limiter = limiter;
		this.presenter = presenter;
		this.views = views;
	}

	@GetMapping("/t/{slug}/track")
	ModelAndView track(ShopperContext shopper, @RequestParam(defaultValue = "") String number,
			HttpServletRequest request) {
		if (number.isBlank()) {
			return PageViews.redirect(PagePaths.lookup(shopper.slug()));
		}
		String normalized = ShipmentManagement.normalizeTrackingNumber(number.strip());
		if (normalized.length() > 60 || !TRACKING_NUMBER.matcher(normalized).matches()) {
			return this.views.lookup(request, shopper, "", this.views.msg(shopper.locale(), "track.invalid"), null,
					HttpStatus.BAD_REQUEST);
		}
		PageViews.limit(this.limiter.lookup(shopper.client()));
		List<ShipmentView> found = this.shipments.byTrackingNumber(shopper.store().getId(), normalized);
		if (found.isEmpty()) {
			return this.views.lookup(request, shopper, "",
					this.views.msg(shopper.locale(), "track.notFound", normalized), null, HttpStatus.NOT_FOUND);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("title", this.views.msg(shopper.locale(), "track.title", normalized));
		model.put("number", normalized);
		model.put("cards", this.presenter.cards(shopper.store(), found, null, shopper.locale()));
		model.put("lookupUrl", PagePaths.lookup(shopper.slug()));
		return this.views.render(request, "track", shopper, HttpStatus.OK, model);
	}

}
