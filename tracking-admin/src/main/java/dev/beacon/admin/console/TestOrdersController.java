package dev.beacon.admin.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsolePage;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.Store;

/**
 * "Test the experience yourself": a test order on the sandbox carrier (SBX + 10 digits,
 * the first digit choosing the journey). Test orders are left out of reports.
 */
@Controller
class TestOrdersController implements ConsolePage {

	static final Map<Integer, String> JOURNEYS = journeys();

	private final SecureRandom random = new SecureRandom();

	private final ConsoleAccess access;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final Clock clock;

	TestOrdersController(ConsoleAccess access, OrderManagement orders, ShipmentManagement shipments, Clock clock) {
		this.clock = clock;
		this.access = access;
		this.orders = orders;
		this.shipments = shipments;
	}

	@GetMapping("/console/test-orders")
	String form(Model model) {
		model.addAttribute("stores", this.access.stores());
		model.addAttribute("journeys", JOURNEYS);
		return "console/test-orders";
	}

	@PostMapping("/console/test-orders")
	@Transactional
	String create(@RequestParam(required = false) @Nullable UUID storeId, @RequestParam(defaultValue = "0") int journey,
			@RequestParam(defaultValue = "") String email) {
		if (!JOURNEYS.containsKey(journey)) {
			throw new IllegalArgumentException("journey must be 0 to 6");
		}
		String mail = email.strip();
		if (!mail.isEmpty() && (mail.length() > 254 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw new IllegalArgumentException("that email address does not look right");
		}
		ConsolePrincipal me = this.access.principal();
		if (!mail.isEmpty() && !mail.equalsIgnoreCase(me.getUsername())) {
			// a test order must never message a real shopper: only the agent's own
			// address
			throw new IllegalArgumentException("test orders email only your own address (your user name)");
		}
		Store store = this.access.storeOrDefault(storeId);
		Instant now = this.clock.instant();
		String number = "TEST-" + DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC).format(now) + "-"
				+ (100 + this.random.nextInt(900));
		Order order = this.orders.place(store.getId(),
				new PlaceOrder(number, now, new Customer(me.displayName(), mail.isEmpty() ? null : mail, null, null),
						new Address("10001", "New York", "NY", "US"), new Address("94107", "San Francisco", "CA", "US"),
						null, List.of(new OrderItem("TEST-1", "Test item", 1)), true));
		StringBuilder tracking = new StringBuilder("SBX").append(journey);
		for (int i = 0; i < 9; i++) {
			tracking.append(this.random.nextInt(10));
		}
		this.shipments.register(store.getId(), number,
				new RegisterShipment(tracking.toString(), "sandbox", "test", now));
		return "redirect:/console/orders/" + order.getId();
	}

	private static Map<Integer, String> journeys() {
		Map<Integer, String> m = new LinkedHashMap<>();
		m.put(0, "On time");
		m.put(1, "Delayed");
		m.put(2, "Failed attempt, then delivered");
		m.put(3, "Address exception");
		m.put(4, "Returned to sender");
		m.put(5, "Lost");
		m.put(6, "Available for pickup");
		return m;
	}

}
