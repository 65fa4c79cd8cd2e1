package dev.beacon.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.Store;

/**
 * The demo store's orders: fourteen orders on the sandbox carrier, backdated in sandbox
 * time so each sits at a different point of its journey, a split order with two parcels,
 * and a new random order whenever {@link #newOrder} is called.
 */
class DemoOrders {

	private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

	/**
	 * One demo order: number, customer, city, journey digit, hours of carrier time
	 * already elapsed.
	 */
	record Spec(String number, String name, String email, @Nullable String locale, String city, String region,
			String postal, int journey, int elapsedHours, String item) {
	}

	static final List<Spec> ORDERS = List.of(
			new Spec("NW-1001", "Ana Lima", "ana.lima@example.com", "pt-BR", "Newark", "NJ", "07102", -1, 0,
					"Trail Runner 2"),
			new Spec("NW-1002", "Ben Carter", "ben.carter@example.com", null, "Austin", "TX", "78701", 0, 0,
					"Merino Hoodie"),
			new Spec("NW-1003", "Chloé Martin", "chloe.martin@example.com", "fr", "Chicago", "IL", "60601", 0, 5,
					"Rain Shell"),
			new Spec("NW-1004", "Diego Ramírez", "diego.ramirez@example.com", "es", "Miami", "FL", "33101", 0, 30,
					"Canvas Tote"),
			new Spec("NW-1005", "Emma Schulz", "emma.schulz@example.com", "de", "Denver", "CO", "80202", 0, 84,
					"Wool Beanie"),
			new Spec("NW-1006", "Farah Khan", "farah.khan@example.com", null, "Seattle", "WA", "98101", 0, 400,
					"Down Jacket"),
			new Spec("NW-1007", "Gus Okafor", "gus.okafor@example.com", null, "Memphis", "TN", "38103", 1, 60,
					"Hiking Boots"),
			new Spec("NW-1008", "Hana Sato", "hana.sato@example.com", null, "Phoenix", "AZ", "85001", 2, 80,
					"Yoga Mat"),
			new Spec("NW-1009", "Ivan Petrov", "ivan.petrov@example.com", null, "Portland", "OR", "97201", 3, 80,
					"Camp Stove"),
			new Spec("NW-1010", "Julia Rossi", "julia.rossi@example.com", null, "Boston", "MA", "02108", 4, 400,
					"Sleeping Bag"),
			new Spec("NW-1011", "Kofi Mensah", "kofi.mensah@example.com", null, "Atlanta", "GA", "30301", 5, 400,
					"Headlamp"),
			new Spec("NW-1012", "Lena Novak", "lena.novak@example.com", null, "Nashville", "TN", "37201", 6, 96,
					"Water Bottle"),
			new Spec("NW-1013", "Mateo Silva", "mateo.silva@example.com", "pt-BR", "Orlando", "FL", "32801", 0, 400,
					"Trekking Poles"),
			new Spec("NW-1014", "Nora Walsh", "nora.walsh@example.com", null, "Columbus", "OH", "43004", 1, 8,
					"Fleece Gloves"));

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final Clock clock;

	private final double timeScale;

	private final SecureRandom random = new SecureRandom();

	private final AtomicInteger sequence = new AtomicInteger(2000);

	DemoOrders(OrderManagement orders, ShipmentManagement shipments, Clock clock, double timeScale) {
		this.orders = orders;
		this.shipments = shipments;
		this.clock = clock;
		this.timeScale = timeScale;
	}

	/** Places every demo order and the split order. */
	void placeAll(Store s) {
		for (Spec spec : ORDERS) {
			place(s, spec);
		}
		placeSplitOrder(s);
	}

	private void place(Store s, Spec spec) {
		Instant now = this.clock.instant();
		Instant shippedAt = now.minus(sandboxHours(spec.elapsedHours()));
		Instant placedAt = shippedAt.minus(sandboxHours(20));
		LocalDate promise = LocalDate.ofInstant(shippedAt.plus(sandboxHours(120)), ZoneId.of("America/New_York"));
		this.orders.place(s.getId(),
				new PlaceOrder(spec.number(), placedAt,
						new Customer(spec.name(), spec.email(), "+1 555 01" + spec.number().substring(5),
								spec.locale()),
						new Address(spec.postal(), spec.city(), spec.region(), "US"),
						new Address("10001", "New York", "NY", "US"), promise,
						List.of(new OrderItem("NW-" + Math.abs(spec.item().hashCode() % 10000), spec.item(), 1)),
						false));
		if (spec.journey() >= 0) {
			this.shipments.register(s.getId(), spec.number(),
					new RegisterShipment(trackingNumber(spec.journey()), "sandbox", "Ground", shippedAt));
		}
	}

	private void placeSplitOrder(Store s) {
		Instant now = this.clock.instant();
		this.orders.place(s.getId(), new PlaceOrder("NW-1015", now.minus(sandboxHours(110)),
				new Customer("Omar Haddad", "omar.haddad@example.com", null, null),
				new Address("94103", "San Francisco", "CA", "US"), new Address("10001", "New York", "NY", "US"),
				LocalDate.ofInstant(now.plus(sandboxHours(40)), ZoneId.of("America/New_York")),
				List.of(new OrderItem("NW-TENT", "Two-person Tent", 1), new OrderItem("NW-PAD", "Sleeping Pad", 2)),
				false));
		this.shipments.register(s.getId(), "NW-1015",
				new RegisterShipment(trackingNumber(0), "sandbox", "Ground", now.minus(sandboxHours(100))));
		this.shipments.register(s.getId(), "NW-1015",
				new RegisterShipment(trackingNumber(0), "sandbox", "Ground", now.minus(sandboxHours(28))));
	}

	/**
	 * A new order every traffic interval, on a random journey, so the demo keeps moving.
	 */
	void newOrder(Store s) {
		Spec template = ORDERS.get(this.random.nextInt(ORDERS.size()));
		String number = "NW-" + this.sequence.incrementAndGet() + "-" + (100 + this.random.nextInt(900));
		int journey = this.random.nextInt(10) < 6 ? 0 : this.random.nextInt(7);
		try {
			place(s, new Spec(number, template.name(), template.email(), template.locale(), template.city(),
					template.region(), template.postal(), journey, 0, template.item()));
		}
		catch (RuntimeException ex) {
			log.debug("Demo order {} not placed: {}", number, ex.getMessage());
		}
	}

	private Duration sandboxHours(int hours) {
		return Duration.ofMillis((long) (hours * 3_600_000L / this.timeScale));
	}

	private String trackingNumber(int journey) {
		StringBuilder sb = new StringBuilder("SBX").append(journey);
		for (int i = 0; i < 9; i++) {
			sb.append(this.random.nextInt(10));
		}
		return sb.toString().toUpperCase(Locale.ROOT);
	}

}
