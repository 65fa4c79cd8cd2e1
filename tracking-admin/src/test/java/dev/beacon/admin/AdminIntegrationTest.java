package dev.beacon.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
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

	protected Store store(String prefix) {
		String slug = TestStores.uniqueSlug(prefix);
		return this.stores.provision(new NewStore("Store " + slug, slug, "en", "UTC")).store();
	}

	protected ConsolePrincipal consoleUser(Role role, Store... stores) {
		Set<UUID> ids = Set.of(java.util.Arrays.stream(stores).map(Store::getId).toArray(UUID[]::new));
		ConsoleUser user = this.users.createUser(TestStores.uniqueSlug(role.name().toLowerCase()), "Test " + role,
				PASSWORD, role, ids);
		return ConsolePrincipal.of(user);
	}

	protected Order order(Store store, String number, Instant placedAt, String name, String email, String phone,
			String destRegion, LocalDate promisedBy, boolean test) {
		return this.orders.place(store.getId(), new PlaceOrder(number, placedAt, new Customer(name, email, phone, null),
				new Address("90001", "Los Angeles", destRegion, "US"), new Address("10001", "New York", "NY", "US"),
				promisedBy, List.of(new OrderItem("SKU", "Thing", 1)), test));
	}

	protected ShipmentView ship(Store store, Order order, String carrier, String number, String service,
			Instant shippedAt) {
		return this.shipments.register(store.getId(), order.getOrderNumber(),
				new RegisterShipment(number, carrier, service, shippedAt));
	}

	/** Feeds scans ("CODE@instant" or "CODE@instant@text") as a carrier poll would. */
	protected void scans(ShipmentView shipment, String... scans) {
		List<RawScan> raw = new ArrayList<>();
		for (String s : scans) {
			String[] parts = s.split("@", 3);
			String text = (parts.length > 2) ? parts[2] : "Scan " + parts[0];
			raw.add(new RawScan(parts[0], text, "{\"code\":\"" + parts[0] + "\"}", Instant.parse(parts[1]), null, null,
					new ScanLocation("Memphis", "TN", null, "US"), null));
		}
		this.shipments.ingest(shipment.id(), CarrierUpdate.of(raw, null), TransitionCause.POLL);
	}

}
