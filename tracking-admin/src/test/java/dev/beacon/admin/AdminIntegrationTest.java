package dev.beacon.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.TestStores;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context of tracking-admin tests: the module (with the carriers,
 * notification and promise modules it reads; carrier polling and message dispatch off) on
 * a random port with real PostgreSQL (MockMvc for most tests, a browser for a few). Each
 * test makes its own stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "beacon.carriers.poll.enabled=false", "beacon.notify.dispatcher.enabled=false" })
@AutoConfigureMockMvc
public abstract class AdminIntegrationTest {

	protected static final String PASSWORD = "correct horse battery";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected StoreManagement stores;

	@Autowired
	protected OrderManagement orders;

	@Autowired
	protected ShipmentManagement shipments;

	@Autowired
	protected ConsoleUserManagement users;

	/** The test kit, on this context's managements. */
	protected Fixtures fixtures() {
		return new Fixtures(this.stores, this.orders, this.shipments);
	}

	/** A new store (English, UTC). */
	protected Store store(String prefix) {
		return fixtures().store(prefix, "en", "UTC").store();
	}

	protected ConsolePrincipal consoleUser(Role role, Store... stores) {
		Set<UUID> ids = Set.of(java.util.Arrays.stream(stores).map(Store::getId).toArray(UUID[]::new));
		ConsoleUser user = this.users.createUser(TestStores.uniqueSlug(role.name().toLowerCase()), "Test " + role,
				PASSWORD, role, ids);
		return ConsolePrincipal.of(user);
	}

	/** An order from New York to Los Angeles (region {@code destRegion}), one item. */
	protected Order order(Store store, String number, Instant placedAt, String name, String email, String phone,
			String destRegion, LocalDate promisedBy, boolean test) {
		return fixtures().of(store)
			.order(number)
			.placedAt(placedAt)
			.customer(new Customer(name, email, phone, null))
			.shippingTo(new Address("90001", "Los Angeles", destRegion, "US"))
			.from(Fixtures.NEW_YORK)
			.promisedBy(promisedBy)
			.items(new OrderItem("SKU", "Thing", 1))
			.test(test)
			.place();
	}

	protected ShipmentView ship(Store store, Order order, String carrier, String number, String service,
			Instant shippedAt) {
		return fixtures().of(store).shipment(order.getOrderNumber(), number, carrier, service, shippedAt).view();
	}

	/** Feeds scans ("CODE@instant" or "CODE@instant@text") as a carrier poll would. */
	protected void scans(ShipmentView shipment, String... scans) {
		fixtures().of(shipment).scans(scans);
	}

}
