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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsolePage;
import dev.beacon.order.Order;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentTransition;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Store;
import dev.beacon.support.SupportManagement;

/**
 * Login, home, search, the order view and the queues; the order view's actions are in
 * {@link OrderActionsController}.
 */
@Controller
class ConsoleController implements ConsolePage {

	private final ConsoleAccess access;

	private final ConsoleSearch search;

	private final ShipmentManagement shipments;

	private final SupportManagement support;

	private final OrderNotes notes;

	private final Queues queues;

	private final TrackingLinks links;

	private final MessageRows messages;

	private final ConsoleOrders lookup;

	private final Clock clock;

	ConsoleController(ConsoleAccess access, ConsoleSearch search, ConsoleOrders lookup, ShipmentManagement shipments,
			SupportManagement support, OrderNotes notes, Queues queues, TrackingLinks links, MessageRows messages,
			Clock clock) {
		this.clock = clock;
		this.access = access;
		this.search = search;
		this.lookup = lookup;
		this.shipments = shipments;
		this.support = support;
		this.notes = notes;
		this.queues = queues;
		this.links = links;
		this.messages = messages;
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
		Order order = this.lookup.requireOrder(orderId);
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
		model.addAttribute("replies", this.support.repliesForOrder(store.getId(), order.getId()));
		model.addAttribute("notes", this.notes.forOrder(store.getId(), order.getId()));
		model.addAttribute("messages", this.messages.forOrder(store.getId(), order.getId(), order.getOrderNumber()));
		model.addAttribute("trackingLink", this.links.signedOrderPage(store.getSlug(), order.getOrderNumber()));
		model.addAttribute("carriers", this.shipments.carriers());
		model.addAttribute("canAct",
				this.access.principal().is(dev.beacon.admin.Role.AGENT, dev.beacon.admin.Role.ADMIN));
		// The carrier's own error text is for those who run the stores' carrier setup;
		// agents and ops see the poll outcome (a coarse category) only.
		model.addAttribute("carrierDetails",
				this.access.principal().is(dev.beacon.admin.Role.ADMIN, dev.beacon.admin.Role.OPERATOR));
		return "console/order";
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
