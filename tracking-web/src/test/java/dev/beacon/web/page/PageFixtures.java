package dev.beacon.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Brand;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.Fixtures.ShipmentFixture;

/**
 * The tracking page's test data on core's test kit ({@link Fixtures}): a branded store,
 * orders and sandbox shipments that have gone through a journey of raw scans.
 */
final class PageFixtures {

	private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	/** Named journeys: raw sandbox scan codes (see page/sandbox-mapping.csv). */
	enum Journey {

		LABEL("LC"), IN_TRANSIT("LC", "PU", "IT"), OUT_FOR_DELIVERY("LC", "PU", "IT", "OD"),
		DELIVERED("LC", "PU", "IT", "OD", "DL"), DELAYED_WEATHER("LC", "PU", "IT", "DE:Delayed by severe weather"),
		ATTEMPTED("LC", "PU", "IT", "OD", "DA"), ADDRESS("LC", "PU", "IT", "EX:Incorrect address"),
		DAMAGED("LC", "PU", "IT", "EX:Package damaged in transit"), PICKUP("LC", "PU", "IT", "AP"),
		RETURNING("LC", "PU", "IT", "RS"), LOST("LC", "PU", "IT", "LS");

		final String[] codes;

		Journey(String... codes) {
			this.codes = codes;
		}

	}

	private final Fixtures fixtures;

	private final ShipmentManagement shipments;

	PageFixtures(StoreManagement stores, OrderManagement orders, ShipmentManagement shipments) {
		this.fixtures = new Fixtures(stores, orders, shipments);
		this.shipments = shipments;
	}

	Store store(String locale) {
		return this.fixtures.store("nw", locale, "America/Chicago")
			.branded("Northwind Coffee",
					new Brand(null, "#7c2d12", "#0f766e", "help@northwind.example", "+1 555 0100",
							"https://northwind.example/help", "We answer within one business day."),
					90)
			.store();
	}

	/** Placed four days ago, New York to Memphis, promised in ten days, two items. */
	Order order(Store store, String number) {
		return this.fixtures.of(store)
			.order(number)
			.placedAt(Instant.now().minus(Duration.ofDays(4)))
			.customer(new Customer("Ana Lima", "ana@example.com", null, null))
			.from(Fixtures.NEW_YORK)
			.shippingTo(Fixtures.MEMPHIS)
			.promisedBy(LocalDate.now(ZoneOffset.UTC).plusDays(10))
			.items(new OrderItem("BEAN-1", "Ethiopia Guji, 1 kg", 2), new OrderItem("MUG-2", "Stoneware mug", 1))
			.place();
	}

	static String orderNumber() {
		return "NW-" + NUMBERS.incrementAndGet();
	}

	static String trackingNumber(char journeyDigit) {
		long n = NUMBERS.incrementAndGet() % 1_000_000_000L;
		return "SBX" + journeyDigit + String.format("%09d", n);
	}

	ShipmentView ship(Store store, Order order, Journey journey) {
		char digit = switch (journey) {
			case DELAYED_WEATHER -> '1';
			case ATTEMPTED -> '2';
			case ADDRESS -> '3';
			case RETURNING -> '4';
			case LOST -> '5';
			case PICKUP -> '6';
			default -> '0';
		};
		ShipmentFixture s = this.fixtures.of(store)
			.shipment(order.getOrderNumber(), trackingNumber(digit), "sandbox", "Ground", null);
		Instant start = Instant.now().minus(Duration.ofDays(3));
		List<RawScan> scans = new ArrayList<>();
		String[] cities = { "New York", "Newark", "Memphis", "Memphis", "Memphis", "Memphis" };
		for (int i = 0; i < journey.codes.length; i++) {
			String[] parts = journey.codes[i].split(":", 2);
			String code = parts[0];
			String text = (parts.length > 1) ? parts[1] : describe(code);
			Instant at = start.plus(Duration.ofHours(10L * i));
			String city = cities[Math.min(i, cities.length - 1)];
			scans.add(Fixtures.scan(code, text, at,
					new ScanLocation(city, city.equals("Memphis") ? "TN" : "NY", null, "US")));
		}
		s.scans(scans.toArray(RawScan[]::new));
		return s.view();
	}

	void expire(ShipmentView s) {
		this.shipments.expire(s.id());
	}

	static String describe(String code) {
		return switch (code) {
			case "LC" -> "Shipping label created";
			case "PU" -> "Picked up";
			case "IT" -> "Arrived at sort facility";
			case "OD" -> "Out for delivery";
			case "DL" -> "Delivered, signed by JSMITH";
			case "DA" -> "Delivery attempted, no one available";
			case "AP" -> "Available at Memphis Access Point";
			case "RS" -> "Returning to sender";
			case "LS" -> "Package cannot be located";
			default -> "Update";
		};
	}

	UUID storeId(Store store) {
		return store.getId();
	}

}
