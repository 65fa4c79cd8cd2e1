package dev.beacon.web.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.support.HelpReply;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;
import dev.beacon.web.page.PageModels.OrderView;

/**
 * The shopper's tracking page: {@code /t/{storeSlug}} (lookup),
 * {@code /t/{storeSlug}/orders/{orderNumber}} (the order, after proof), its help form,
 * and {@code /t/{storeSlug}/track?number=} (a tracking number alone: status and history,
 * no order details).
 */
@Controller
class TrackingPageController {

	static final String DENIED = "/t/_denied";

	private static final Logger log = LoggerFactory.getLogger(TrackingPageController.class);

	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{6,40}");

	private static final String NO_MATCH = "\u0000no-match\u0000";

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final SupportManagement support;

	private final TrackingLinks links;

	private final AccessGrants grants;

	private final LookupLimiter limiter;

	private final ShopperLocales locales;

	private final OrderPresenter presenter;

	private final PageRenderer renderer;

	private final MessageSource messages;

	private final PageSettings settings;

	TrackingPageController(StoreManagement stores, OrderManagement orders, ShipmentManagement shipments,
			SupportManagement support, TrackingLinks links, AccessGrants grants, LookupLimiter limiter,
			ShopperLocales locales, OrderPresenter presenter, PageRenderer renderer, MessageSource messages,
			PageSettings settings) {
		this.stores = stores;
		this.orders = orders;
		this.shipments = shipments;
		this.support = support;
		this.links = links;
		this.grants = grants;
		this.limiter = limiter;
		this.locales = locales;
		this.presenter = presenter;
		this.renderer = renderer;
		this.messages = messages;
		this.settings = settings;
	}

	// ---- lookup

	@GetMapping({ "/t/{slug}", "/t/{slug}/" })
	ModelAndView lookupForm(@PathVariable String slug,
			@RequestParam(name = "order", required = false) @Nullable String order, HttpServletRequest request,
			HttpServletResponse response) {
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		String prefill = (order != null && PagePaths.plausibleOrderNumber(order.strip())) ? order.strip() : "";
		return lookup(request, store, locale, prefill, null, null, HttpStatus.OK);
	}

	@PostMapping("/t/{slug}")
	ModelAndView lookup(@PathVariable String slug, @RequestParam(defaultValue = "") String orderNumber,
			@RequestParam(defaultValue = "") String contact, HttpServletRequest request, HttpServletResponse response) {
		long start = System.nanoTime();
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		limit(this.limiter.lookup(client(request)));
		String number = orderNumber.strip().replaceFirst("^#", "").strip();
		String proof = contact.strip();
		if (!PagePaths.plausibleOrderNumber(number) || proof.isEmpty() || proof.length() > 254) {
			return lookup(request, store, locale, PagePaths.plausibleOrderNumber(number) ? number : "",
					msg(locale, "lookup.invalid"), null, HttpStatus.BAD_REQUEST);
		}
		String orderKey = store.getId() + "|" + number.toUpperCase(Locale.ROOT);
		limit(this.limiter.orderOpen(orderKey));
		Optional<Order> found = this.orders.find(store.getId(), number);
		if (proves(found.orElse(null), proof)) {
			Order o = found.get();
			this.grants.grant(request, response, slug, o.getOrderNumber());
			return redirect(PagePaths.order(slug, o.getOrderNumber()));
		}
		this.limiter.failed(orderKey);
		pad(start, this.settings.failedLookupFloor());
		return lookup(request, store, locale, number, msg(locale, "lookup.failed"), null, HttpStatus.OK);
	}

	/**
	 * Order number plus the order's email or postal code. Both comparisons always run, on
	 * digests of equal length, whether or not the order exists.
	 */
	static boolean proves(@Nullable Order order, String proof) {
		String email = proof.toLowerCase(Locale.ROOT);
		String postal = postal(proof);
		String expectedEmail = NO_MATCH;
		String expectedPostal = NO_MATCH;
		if (order != null) {
			if (order.getCustomer().email() != null && !order.getCustomer().email().isBlank()) {
				expectedEmail = order.getCustomer().email().strip().toLowerCase(Locale.ROOT);
			}
			String code = order.getDestination().postalCode();
			if (code != null && postal(code).length() >= 3) {
				expectedPostal = postal(code);
			}
		}
		boolean emailMatches = MessageDigest.isEqual(digest(email), digest(expectedEmail));
		boolean postalMatches = MessageDigest.isEqual(digest(postal), digest(expectedPostal));
		return order != null && (emailMatches || postalMatches);
	}

	private static String postal(String value) {
		return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void pad(long startNanos, Duration floor) {
		long remaining = floor.toNanos() - (System.nanoTime() - startNanos);
		if (remaining > 0) {
			try {
				Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// ---- the order

	@GetMapping("/t/{slug}/orders/{orderNumber}")
	ModelAndView order(@PathVariable String slug, @PathVariable String orderNumber,
			@RequestParam(name = "k", required = false) @Nullable String token, HttpServletRequest request,
			HttpServletResponse response) {
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		if (!PagePaths.plausibleOrderNumber(orderNumber)) {
			throw PageException.notFound();
		}
		if (token != null) {
			// a signed link: verified, never consumed (mail scanners open links too),
			// then
			// exchanged for a grant on the clean URL so the token leaves the address bar
			limit(this.limiter.lookup(client(request)));
			if (token.length() <= 200 && this.links.verify(slug, orderNumber, token)) {
				this.grants.grant(request, response, slug, orderNumber);
				return redirect(PagePaths.order(slug, orderNumber));
			}
			return lookup(request, store, locale, orderNumber, null, msg(locale, "lookup.linkExpired"), HttpStatus.OK);
		}
		if (!this.grants.granted(request, slug, orderNumber)) {
			return lookup(request, store, locale, orderNumber, null, msg(locale, "lookup.proofNeeded"), HttpStatus.OK);
		}
		limit(this.limiter.view(client(request)));
		Order order = this.orders.find(store.getId(), orderNumber).orElseThrow(PageException::notFound);
		List<ShipmentView> list = this.shipments.ofOrder(order.getId());
		OrderView view = this.presenter.order(store, order, list, locale);
		Map<String, Object> model = new HashMap<>();
		model.put("order", view);
		model.put("helpUrl", PagePaths.help(slug, orderNumber));
		model.put("title", msg(locale, "order.title", order.getOrderNumber()));
		return this.renderer.render(request, "order", store, locale, HttpStatus.OK, model);
	}

	// ---- help

	@GetMapping("/t/{slug}/orders/{orderNumber}/help")
	ModelAndView helpForm(@PathVariable String slug, @PathVariable String orderNumber,
			@RequestParam(required = false) @Nullable String topic, HttpServletRequest request,
			HttpServletResponse response) {
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		if (!PagePaths.plausibleOrderNumber(orderNumber) || !this.grants.granted(request, slug, orderNumber)) {
			return redirect(PagePaths.order(slug, PagePaths.plausibleOrderNumber(orderNumber) ? orderNumber : ""));
		}
		Order order = this.orders.find(store.getId(), orderNumber).orElseThrow(PageException::notFound);
		List<ShipmentView> list = this.shipments.ofOrder(order.getId());
		OrderView view = this.presenter.order(store, order, list, locale);
		String chosen = (topic(topic) != null) ? topic : view.summary().helpTopic();
		return help(request, store, locale, view, (chosen != null) ? chosen : "", "", "", Map.of(), HttpStatus.OK);
	}

	@PostMapping("/t/{slug}/orders/{orderNumber}/help")
	ModelAndView raise(@PathVariable String slug, @PathVariable String orderNumber,
			@RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String message,
			@RequestParam(name = "shipment", defaultValue = "") String shipment, HttpServletRequest request,
			HttpServletResponse response) {
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		if (!PagePaths.plausibleOrderNumber(orderNumber) || !this.grants.granted(request, slug, orderNumber)) {
			return redirect(PagePaths.order(slug, PagePaths.plausibleOrderNumber(orderNumber) ? orderNumber : ""));
		}
		limit(this.limiter.lookup(client(request)));
		Order order = this.orders.find(store.getId(), orderNumber).orElseThrow(PageException::notFound);
		List<ShipmentView> list = this.shipments.ofOrder(order.getId());
		Map<String, String> errors = new LinkedHashMap<>();
		HelpTopic chosen = topic(topic);
		if (chosen == null) {
			errors.put("topic", msg(locale, "help.error.topic"));
		}
		String text = message.strip();
		if (text.isEmpty() || text.length() > 2000) {
			errors.put("message", msg(locale, "help.error.message"));
		}
		UUID shipmentId = null;
		if (!shipment.isBlank()) {
			shipmentId = list.stream()
				.map(ShipmentView::id)
				.filter((id) -> id.toString().equals(shipment))
				.findFirst()
				.orElse(null);
			if (shipmentId == null) {
				errors.put("shipment", msg(locale, "help.error.shipment"));
			}
		}
		if (!errors.isEmpty() || chosen == null) {
			OrderView view = this.presenter.order(store, order, list, locale);
			return help(request, store, locale, view, topic, text.length() > 2000 ? text.substring(0, 2000) : text,
					shipment, errors, HttpStatus.BAD_REQUEST);
		}
		HelpRequest raised = this.support.raise(store.getId(), order.getId(), shipmentId, chosen, text,
				order.getCustomer().email(), "page");
		return redirect(PagePaths.help(slug, orderNumber) + "/" + raised.getId());
	}

	@GetMapping("/t/{slug}/orders/{orderNumber}/help/{requestId}")
	ModelAndView helpSent(@PathVariable String slug, @PathVariable String orderNumber, @PathVariable UUID requestId,
			HttpServletRequest request, HttpServletResponse response) {
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		if (!PagePaths.plausibleOrderNumber(orderNumber) || !this.grants.granted(request, slug, orderNumber)) {
			return redirect(PagePaths.order(slug, PagePaths.plausibleOrderNumber(orderNumber) ? orderNumber : ""));
		}
		Order order = this.orders.find(store.getId(), orderNumber).orElseThrow(PageException::notFound);
		HelpRequest raised = this.support.forOrder(store.getId(), order.getId())
			.stream()
			.filter((r) -> r.getId().equals(requestId))
			.findFirst()
			.orElseThrow(PageException::notFound);
		String email = OrderPresenter.maskedEmail(raised.getContactEmail());
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(locale, "help.sent.title"));
		model.put("orderNumber", order.getOrderNumber());
		model.put("orderUrl", PagePaths.order(slug, orderNumber));
		model.put("topic", msg(locale, "help.topic." + raised.getTopic().name()));
		model.put("next", (email != null) ? msg(locale, "help.sent.next", store.getName(), email)
				: msg(locale, "help.sent.nextNoEmail", store.getName()));
		model.put("reference", raised.getId().toString().substring(0, 8).toUpperCase(Locale.ROOT));
		// the thread: "We replied by email" once an agent answered, and the resolution
		List<HelpReply> replies = this.support.replies(store.getId(), raised.getId());
		model.put("replied",
				replies.isEmpty() ? null
						: msg(locale, "help.sent.replied", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
							.withLocale(locale)
							.format(replies.get(replies.size() - 1).getCreatedAt().atZone(store.getTimeZone()))));
		model.put("resolved", (raised.getResolution() != null && !raised.isOpen())
				? msg(locale, "help.sent.resolved", raised.getResolution()) : null);
		return this.renderer.render(request, "help-sent", store, locale, HttpStatus.OK, model);
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

	private ModelAndView help(HttpServletRequest request, Store store, Locale locale, OrderView view, String topic,
			String message, String shipment, Map<String, String> errors, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(locale, "help.heading", view.orderNumber()));
		model.put("order", view);
		model.put("orderUrl", PagePaths.order(store.getSlug(), view.orderNumber()));
		model.put("action", PagePaths.help(store.getSlug(), view.orderNumber()));
		model.put("topics", List.of(HelpTopic.values()).stream().map(HelpTopic::name).toList());
		model.put("topic", topic);
		model.put("message", message);
		model.put("shipment", shipment);
		model.put("errors", errors);
		return this.renderer.render(request, "help", store, locale, status, model);
	}

	// ---- a tracking number alone

	@GetMapping("/t/{slug}/track")
	ModelAndView track(@PathVariable String slug, @RequestParam(defaultValue = "") String number,
			HttpServletRequest request, HttpServletResponse response) {
		Store store = store(slug, request);
		Locale locale = this.locales.resolve(request, response, store.getDefaultLocale());
		if (number.isBlank()) {
			return redirect(PagePaths.lookup(slug));
		}
		String normalized = ShipmentManagement.normalizeTrackingNumber(number.strip());
		if (normalized.length() > 60 || !TRACKING_NUMBER.matcher(normalized).matches()) {
			return lookup(request, store, locale, "", msg(locale, "track.invalid"), null, HttpStatus.BAD_REQUEST);
		}
		limit(this.limiter.lookup(client(request)));
		List<ShipmentView> found = this.shipments.byTrackingNumber(store.getId(), normalized);
		if (found.isEmpty()) {
			return lookup(request, store, locale, "", msg(locale, "track.notFound", normalized), null,
					HttpStatus.NOT_FOUND);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(locale, "track.title", normalized));
		model.put("number", normalized);
		model.put("cards", this.presenter.cards(store, found, null, locale));
		model.put("lookupUrl", PagePaths.lookup(slug));
		return this.renderer.render(request, "track", store, locale, HttpStatus.OK, model);
	}

	// ---- everything else under /t

	@RequestMapping(DENIED)
	ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
		return error(request, response, HttpStatus.FORBIDDEN, 0);
	}

	@RequestMapping({ "/t", "/t/" })
	ModelAndView unknown() {
		throw PageException.notFound();
	}

	@RequestMapping("/t/{slug}/**")
	ModelAndView unknown(@PathVariable String slug, HttpServletRequest request) {
		store(slug, request); // for the store's branding on the 404 page
		throw PageException.notFound();
	}

	@ExceptionHandler(PageException.class)
	ModelAndView pageError(PageException ex, HttpServletRequest request, HttpServletResponse response) {
		return error(request, response, ex.status(), ex.retryAfterSeconds());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class,
			HttpMessageNotReadableException.class, HttpMediaTypeException.class, MaxUploadSizeExceededException.class })
	ModelAndView badRequest(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		return error(request, response, HttpStatus.BAD_REQUEST, 0);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failure(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		log.error("Tracking page request {} failed", request.getRequestURI(), ex);
		return error(request, response, HttpStatus.INTERNAL_SERVER_ERROR, 0);
	}

	private ModelAndView error(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			long retryAfter) {
		Store store = (request.getAttribute(PageRenderer.STORE) instanceof Store s) ? s : null;
		Locale locale = (request.getAttribute(ShopperLocales.ATTRIBUTE) instanceof Locale l) ? l
				: this.locales.resolve(request, response, (store != null) ? store.getDefaultLocale() : null);
		if (retryAfter > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		int code = status.value();
		String key = switch (code) {
			case 400, 403, 404, 429 -> Integer.toString(code);
			default -> "500";
		};
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(locale, "error.title." + key));
		model.put("heading", msg(locale, "error.title." + key));
		model.put("text", msg(locale, "error.text." + key, Math.max(1, (retryAfter + 59) / 60)));
		model.put("code", code);
		model.put("lookupUrl", (store != null) ? PagePaths.lookup(store.getSlug()) : null);
		return this.renderer.render(request, "error", store, locale, status, model);
	}

	// ---- helpers

	private Store store(String slug, HttpServletRequest request) {
		if (!PagePaths.SLUG.matcher(slug).matches()) {
			throw PageException.notFound();
		}
		Store store = this.stores.bySlug(slug).orElseThrow(PageException::notFound);
		request.setAttribute(PageRenderer.STORE, store);
		return store;
	}

	private ModelAndView lookup(HttpServletRequest request, Store store, Locale locale, String orderNumber,
			@Nullable String error, @Nullable String notice, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", msg(locale, "lookup.title"));
		model.put("orderNumber", orderNumber);
		model.put("error", error);
		model.put("notice", notice);
		model.put("action", PagePaths.lookup(store.getSlug()));
		model.put("trackAction", PagePaths.track(store.getSlug()));
		return this.renderer.render(request, "lookup", store, locale, status, model);
	}

	private static ModelAndView redirect(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	private static void limit(long waitSeconds) {
		if (waitSeconds > 0) {
			throw PageException.tooMany(waitSeconds);
		}
	}

	private static String client(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	private String msg(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
