package dev.beacon.web.page;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.beacon.order.OrderDetails;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.support.HelpReply;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.HelpRequestLimitReached;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;
import dev.beacon.web.page.PageModels.OrderView;

/**
 * {@code /t/{slug}/orders/{orderNumber}/help}: the help form of a granted order, raising
 * a help request, and its confirmation. Without a grant the shopper is sent to the order
 * (which asks for proof).
 */
@Controller
class HelpController {

	private final SupportManagement support;

	private final LookupLimiter limiter;

	private final ShopperOrders shopperOrders;

	private final PageViews views;

	HelpController(SupportManagement support, LookupLimiter limiter, ShopperOrders shopperOrders, PageViews views) {
		this.support = support;
		this.limiter = limiter;
		this.shopperOrders = shopperOrders;
		this.views = views;
	}

	@GetMapping("/t/{slug}/orders/{orderNumber}/help")
	ModelAndView helpForm(ShopperContext shopper, @RequestParam(required = false) @Nullable String topic,
			HttpServletRequest request) {
		if (!shopper.granted()) {
			return toOrder(shopper);
		}
		OrderView view = this.shopperOrders.view(shopper);
		String chosen = (topic(topic) != null) ? topic : view.summary().helpTopic();
		return form(request, shopper, view, (chosen != null) ? chosen : "", "", "", Map.of(), HttpStatus.OK);
	}

	@PostMapping("/t/{slug}/orders/{orderNumber}/help")
	ModelAndView raise(ShopperContext shopper, @RequestParam(defaultValue = "") String topic,
			@RequestParam(defaultValue = "") String message,
			@RequestParam(name = "shipment", defaultValue = "") String shipment, HttpServletRequest request) {
		if (!shopper.granted()) {
			return toOrder(shopper);
		}
		PageViews.limit(this.limiter.lookup(shopper.client()));
		OrderDetails order = this.shopperOrders.order(shopper);
		List<ShipmentView> list = this.shopperOrders.shipments(order);
		Locale locale = shopper.locale();
		Map<String, String> errors = new LinkedHashMap<>();
		HelpTopic chosen = topic(topic);
		if (chosen == null) {
			errors.put("topic", this.views.msg(locale, "help.error.topic"));
		}
		String text = message.strip();
		if (text.isEmpty() || text.length() > 2000) {
			errors.put("message", this.views.msg(locale, "help.error.message"));
		}
		UUID shipmentId = null;
		if (!shipment.isBlank()) {
			shipmentId = list.stream()
				.map(ShipmentView::id)
				.filter((id) -> id.toString().equals(shipment))
				.findFirst()
				.orElse(null);
			if (shipmentId == null) {
				errors.put("shipment", this.views.msg(locale, "help.error.shipment"));
			}
		}
		if (!errors.isEmpty() || chosen == null) {
			OrderView view = this.shopperOrders.view(shopper, order, list);
			return form(request, shopper, view, topic, (text.length() > 2000) ? text.substring(0, 2000) : text,
					shipment, errors, HttpStatus.BAD_REQUEST);
		}
		HelpRequest raised;
		try {
			raised = this.support.raise(shopper.store().getId(), order.id(), shipmentId, chosen, text,
					order.customer().email(), "page");
		}
		catch (HelpRequestLimitReached ex) {
			errors.put("limit", this.views.msg(locale, "help.error.limit"));
			return form(request, shopper, this.shopperOrders.view(shopper, order, list), topic, text, shipment, errors,
					HttpStatus.TOO_MANY_REQUESTS);
		}
		return PageViews.redirect(PagePaths.help(shopper.slug(), order.orderNumber()) + "/" + raised.getId());
	}

	@GetMapping("/t/{slug}/orders/{orderNumber}/help/{requestId}")
	ModelAndView helpSent(ShopperContext shopper, @PathVariable UUID requestId, HttpServletRequest request) {
		if (!shopper.granted()) {
			return toOrder(shopper);
		}
		OrderDetails order = this.shopperOrders.order(shopper);
		HelpRequest raised = this.support.forOrder(shopper.store().getId(), order.id())
			.stream()
			.filter((r) -> r.getId().equals(requestId))
			.findFirst()
			.orElseThrow(PageException::notFound);
		Locale locale = shopper.locale();
		String email = PersonalData.maskedEmail(raised.getContactEmail());
		String storeName = shopper.store().getName();
		Map<String, Object> model = new HashMap<>();
		model.put("title", this.views.msg(locale, "help.sent.title"));
		model.put("orderNumber", order.orderNumber());
		model.put("orderUrl", PagePaths.order(shopper.slug(), order.orderNumber()));
		model.put("topic", this.views.msg(locale, "help.topic." + raised.getTopic().name()));
		model.put("next", (email != null) ? this.views.msg(locale, "help.sent.next", storeName, email)
				: this.views.msg(locale, "help.sent.nextNoEmail", storeName));
		model.put("reference", raised.getId().toString().substring(0, 8).toUpperCase(Locale.ROOT));
		// the thread: "We replied by email" once an agent answered, and the resolution
		List<HelpReply> replies = this.support.replies(shopper.store().getId(), raised.getId());
		model.put("replied", replies.isEmpty() ? null
				: this.views.msg(locale, "help.sent.replied", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
					.withLocale(locale)
					.format(replies.get(replies.size() - 1).getCreatedAt().atZone(shopper.store().getTimeZone()))));
		model.put("resolved", (raised.getResolution() != null && !raised.isOpen())
				? this.views.msg(locale, "help.sent.resolved", raised.getResolution()) : null);
		return this.views.render(request, "help-sent", shopper, HttpStatus.OK, model);
	}

	private static ModelAndView toOrder(ShopperContext shopper) {
		String number = shopper.orderNumber();
		return PageViews.redirect(PagePaths.order(shopper.slug(), (number != null) ? number : ""));
	}

	private static @Nullable HelpTopic topic(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (HelpTopic t : HelpTopic.values()) {
			if (t.name().equals(value)) {
				return t;
			}
		}
		return null;
	}

	private ModelAndView form(HttpServletRequest request, ShopperContext shopper, OrderView view, String topic,
			String message, String shipment, Map<String, String> errors, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", this.views.msg(shopper.locale(), "help.heading", view.orderNumber()));
		model.put("order", view);
		model.put("orderUrl", PagePaths.order(shopper.slug(), view.orderNumber()));
		model.put("action", PagePaths.help(shopper.slug(), view.orderNumber()));
		model.put("topics", List.of(HelpTopic.values()).stream().map(HelpTopic::name).toList());
		model.put("topic", topic);
		model.put("message", message);
		model.put("shipment", shipment);
		model.put("errors", errors);
		return this.views.render(request, "help", shopper, status, model);
	}

}
