package dev.beacon.admin.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.admin.ConsolePage;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentException;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentTransition;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Store;
import dev.beacon.support.SupportManagement;

/** Login, home, search, the order view and its actions, and the queues. */
@Controller
class ConsoleController implements ConsolePage {

	private final ConsoleAccess access;

	private final ConsoleSearch search;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final SupportManagement support;

	private final OrderNotes notes;

	private final Queues queues;

	private final TrackingLinks links;

	private final MessageRows messages;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	ConsoleController(ConsoleAccess access, ConsoleSearch search, OrderManagement orders, ShipmentManagement shipments,
			SupportManagement support, OrderNotes notes, Queues queues, TrackingLinks links, MessageRows messages,
			NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.access = access;
		this.search = search;
		this.orders = orders;
		this.shipments = shipments;
		this.support = support;
		this.notes = notes;
		this.queues = queues;
		this.links = links;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@GetMapping("/console/login")
	String login() {
		return "console/login";
	}

	/** Any method: a denied POST is forwarded here too (and must not become a 405). */
	@RequestMapping("/console/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "console/denied";
	}

	@GetMapping({ "/console", "/console/" })
	String home(Model model) {
		List<UUID> stores = this.access.storeIds();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Queues.Queue q : this.queues.all(stores, this.clock.instant())) {
			counts.put(q.title(), q.rows().size());
		}
		model.addAttribute("counts", counts);
		model.addAttribute("stores", this.access.stores());
		return "console/home";
	}

	@GetMapping("/console/search")
	String search(@RequestParam(name = "q", required = false) @Nullable String q, Model model) {
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("hits", this.search.search(this.access.storeIds(), q));
		model.addAttribute("multiStore", this.access.storeIds().size() > 1);
		return "console/search";
	}

	/** The result list alone, for the search-as-you-type script. */
	@GetMapping("/console/search/results")
	String results(@RequestParam(name = "q", required = false) @Nullable String q, Model model) {
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("hits", this.search.search(this.access.storeIds(), q));
		model.addAttribute("multiStore", this.access.storeIds().size() > 1);
		return "console/search :: results";
	}

	@GetMapping("/console/queues")
	String queues(Model model) {
		model.addAttribute("queues", this.queues.all(this.access.storeIds(), this.clock.instant()));
		return "console/queues";
	}

	@GetMapping("/console/orders/{orderId}")
	String order(@PathVariable UUID orderId, Model model) {
		Order order = requireOrder(orderId);
		Store store = this.access.requireStore(order.getStoreId());
		List<ShipmentView> views = this.shipments.ofOrder(order.getId());
		Map<UUID, List<ShipmentTransition>> timeline = new LinkedHashMap<>();
		List<Comparison> comparisons = new ArrayList<>();
		for (ShipmentView v : views) {
			timeline.put(v.id(), this.shipments.transitions(store.getId(), v.id()));
			comparisons.add(compare(v, order.getPromisedBy()));
		}
		model.addAttribute("order", order);
		model.addAttribute("store", store);
		model.addAttribute("shipments", views);
		model.addAttribute("comparisons", comparisons);
		model.addAttribute("timeline", timeline);
		model.addAttribute("help", this.support.forOrder(store.getId(), order.getId()));
		model.addAttribute("notes", this.notes.forOrder(store.getId(), order.getId()));
		model.addAttribute("messages", this.messages.forOrder(store.getId(), order.getId(), order.getOrderNumber()));
		model.addAttribute("trackingLink", this.links.signedOrderPage(store.getSlug(), order.getOrderNumber()));
		model.addAttribute("carriers", this.shipments.carriers());
		model.addAttribute("canAct",
				this.access.principal().is(dev.beacon.admin.Role.AGENT, dev.beacon.admin.Role.ADMIN));
		return "console/order";
	}

	@PostMapping("/console/orders/{orderId}/shipments/{shipmentId}/refresh")
	String refresh(@PathVariable UUID orderId, @PathVariable UUID shipmentId, RedirectAttributes flash) {
		Order order = requireOrder(orderId);
		requireShipment(order, shipmentId);
		try {
			this.shipments.refresh(order.getStoreId(), shipmentId);
			flash.addFlashAttribute("flash", "Asked the carrier for news.");
		}
		catch (dev.beacon.shipment.RefreshLimitedException ex) {
			flash.addFlashAttribute("error",
					"Not refreshed: " + ex.getMessage() + "; try again in " + ex.retryAfterSeconds() + " s.");
		}
		return redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/shipments/{shipmentId}/carrier")
	String correctCarrier(@PathVariable UUID orderId, @PathVariable UUID shipmentId, @RequestParam String carrier,
			RedirectAttributes flash) {
		Order order = requireOrder(orderId);
		requireShipment(order, shipmentId);
		try {
			this.shipments.correctCarrier(order.getStoreId(), shipmentId, carrier);
			flash.addFlashAttribute("flash", "Carrier set to " + carrier + ".");
		}
		catch (ShipmentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/notes")
	String note(@PathVariable UUID orderId, @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
		return addNote(orderId, OrderNotes.Kind.NOTE, body, "Note added.", flash);
	}

	@PostMapping("/console/orders/{orderId}/escalate")
	String escalate(@PathVariable UUID orderId, @RequestParam(defaultValue = "") String body,
			RedirectAttributes flash) {
		return addNote(orderId, OrderNotes.Kind.ESCALATION, body, "Escalated.", flash);
	}

	@PostMapping("/console/orders/{orderId}/claim")
	String claim(@PathVariable UUID orderId, @RequestParam(defaultValue = "") String body, RedirectAttributes flash) {
		return addNote(orderId, OrderNotes.Kind.CLAIM, body.isBlank() ? "Shopper says it was not received" : body,
				"Delivered-but-not-received claim recorded.", flash);
	}

	@PostMapping("/console/orders/{orderId}/notes/{noteId}/resolve")
	String resolveNote(@PathVariable UUID orderId, @PathVariable UUID noteId, RedirectAttributes flash) {
		Order order = requireOrder(orderId);
		this.notes.resolve(order.getStoreId(), orderId, noteId);
		flash.addFlashAttribute("flash", "Closed.");
		return redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/help/{helpId}/resolve")
	String resolveHelp(@PathVariable UUID orderId, @PathVariable UUID helpId,
			@RequestParam(defaultValue = "Answered by support") String resolution, RedirectAttributes flash) {
		Order order = requireOrder(orderId);
		this.support.resolve(order.getStoreId(), helpId,
				resolution.isBlank() ? "Answered by support" : resolution.strip());
		flash.addFlashAttribute("flash", "Help request resolved.");
		return redirect(orderId);
	}

	@PostMapping("/console/orders/{orderId}/messages/{messageId}/resend")
	String resend(@PathVariable UUID orderId, @PathVariable UUID messageId, RedirectAttributes flash) {
		Order order = requireOrder(orderId);
		boolean ok = this.messages.resend(order.getStoreId(), orderId, messageId);
		flash.addFlashAttribute(ok ? "flash" : "error",
				ok ? "Message queued again." : "This message cannot be resent.");
		return redirect(orderId);
	}

	private String addNote(UUID orderId, OrderNotes.Kind kind, String body, String done, RedirectAttributes flash) {
		Order order = requireOrder(orderId);
		ConsolePrincipal me = this.access.principal();
		try {
			this.notes.add(order.getStoreId(), orderId, kind, me.getUsername(), body);
			flash.addFlashAttribute("flash", done);
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return redirect(orderId);
	}

	/** The order, when it exists in one of the user's stores; 404 otherwise. */
	private Order requireOrder(UUID orderId) {
		List<UUID> mine = this.access.storeIds();
		if (mine.isEmpty()) {
			throw new ConsoleNotFoundException("order");
		}
		List<UUID> owner = this.jdbc.queryForList(
				"select store_id from orders where id = :id and store_id in (:stores)",
				new MapSqlParameterSource("id", orderId).addValue("stores", mine), UUID.class);
		if (owner.isEmpty()) {
			throw new ConsoleNotFoundException("order");
		}
		return this.orders.find(owner.get(0), orderId).orElseThrow(() -> new ConsoleNotFoundException("order"));
	}

	private void requireShipment(Order order, UUID shipmentId) {
		ShipmentView v = this.shipments.find(order.getStoreId(), shipmentId)
			.orElseThrow(() -> new ConsoleNotFoundException("shipment"));
		if (!v.orderId().equals(order.getId())) {
			throw new ConsoleNotFoundException("shipment");
		}
	}

	private static String redirect(UUID orderId) {
		return "redirect:/console/orders/" + orderId;
	}

	static Comparison compare(ShipmentView v, @Nullable LocalDate promisedBy) {
		DeliveryWindow w = v.estimatedDelivery();
		String verdict;
		if (v.deliveredAt() != null) {
			verdict = (promisedBy == null) ? "Delivered"
					: "Delivered " + (v.deliveredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(promisedBy)
							? "after the promise" : "within the promise");
		}
		else if (w == null) {
			verdict = "No estimate yet";
		}
		else if (promisedBy == null) {
			verdict = "No promise recorded";
		}
		else if (w.latest().isAfter(promisedBy)) {
			verdict = w.earliest().isAfter(promisedBy) ? "Will miss the promise" : "At risk of missing the promise";
		}
		else {
			verdict = "Within the promise";
		}
		return new Comparison(v.id(), w, promisedBy, verdict);
	}

	record Comparison(UUID shipmentId, @Nullable DeliveryWindow window, @Nullable LocalDate promisedBy,
			String verdict) {
	}

}
