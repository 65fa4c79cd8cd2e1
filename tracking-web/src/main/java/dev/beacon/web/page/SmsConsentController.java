package dev.beacon.web.page;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.beacon.order.OrderDetails;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.SmsConsent;
import dev.beacon.order.UpdateOrder;

/**
 * "Text me updates" on a proven order (the browser holds the order's grant; the form is
 * CSRF-protected like every page form): the shopper enters a phone number or confirms the
 * order's, and the consent is recorded on the order with source {@code page} and the time
 * (core mirrors it to notify, which then sends the store's SMS triggers). "Stop texts"
 * withdraws it.
 */
@Controller
class SmsConsentController {

	static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

	private final ShopperOrders shopperOrders;

	private final OrderManagement orders;

	SmsConsentController(ShopperOrders shopperOrders, OrderManagement orders) {
		this.shopperOrders = shopperOrders;
		this.orders = orders;
	}

	@PostMapping("/t/{slug}/orders/{orderNumber}/sms")
	ModelAndView consent(ShopperContext shopper, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "on") String texts) {
		String number = shopper.orderNumber();
		if (number == null || !shopper.granted()) {
			return PageViews.redirect(PagePaths.order(shopper.slug(), (number != null) ? number : ""));
		}
		OrderDetails order = this.shopperOrders.order(shopper);
		String page = PagePaths.order(shopper.slug(), order.orderNumber());
		if ("off".equals(texts)) {
			this.orders.update(shopper.store().getId(), order.orderNumber(), new UpdateOrder(
					new UpdateOrder.ContactChange(null, null, null, null, false), null, null, false, "page"));
			return PageViews.redirect(page + "?sms=off#sms");
		}
		String entered = normalize(phone);
		String chosen = !entered.isEmpty() ? entered : normalize(order.customer().phone());
		if (!E164.matcher(chosen).matches()) {
			return PageViews.redirect(page + "?sms=invalid#sms");
		}
		this.orders.update(shopper.store().getId(), order.orderNumber(),
				new UpdateOrder(
						new UpdateOrder.ContactChange(null, null,
								chosen.equals(normalize(order.customer().phone())) ? null : chosen, null, true),
						null, null, false, "page"));
		return PageViews.redirect(page + "?sms=on#sms");
	}

	/** "+1 (555) 010-0000" to "+15550100000"; anything else is left for the check. */
	static String normalize(@Nullable String phone) {
		return (phone == null) ? "" : phone.replaceAll("[\\s().-]", "");
	}

	/** What the order page offers: on (with the masked number) or the form. */
	record SmsOffer(boolean on, @Nullable String maskedPhone, @Nullable String notice) {

		static SmsOffer of(OrderDetails order, @Nullable String notice) {
			SmsConsent consent = order.smsConsent();
			String phone = normalize(order.customer().phone());
			String masked = (phone.length() > 4) ? "•••• " + phone.substring(phone.length() - 4) : null;
			return new SmsOffer(consent != null && consent.consented() && masked != null, masked, notice);
		}

	}

}
