package dev.beacon.promise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.store.StorePrincipal;
import dev.beacon.testing.Fixtures;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The one Spring context of tracking-promise tests: core and the promise module with real
 * PostgreSQL and MockMvc. Each test makes its own stores. Background loops are registered
 * but do not run on their own ({@code beacon.loops.enabled=false}): tests run them.
 */
@SpringBootTest(properties = "beacon.loops.enabled=false")
@AutoConfigureMockMvc
public abstract class PromiseIntegrationTest {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected StoreManagement stores;

	@Autowired
	protected OrderManagement orders;

	@Autowired
	protected ShipmentManagement shipments;

	/** The core test kit over this context's modules. */
	protected Fixtures fixtures() {
		return new Fixtures(this.stores, this.orders, this.shipments);
	}

	protected Store store(String prefix) {
		return fixtures().store(prefix, "en", "UTC").store();
	}

	protected static RequestPostProcessor as(Store store) {
		return authentication(new UsernamePasswordAuthenticationToken(
				new StorePrincipal(store.getId(), store.getSlug()), null, List.of()));
	}

	protected Order order(Store store, String number, Instant placedAt, String destRegion,
			@Nullable LocalDate promisedBy, boolean test) {
		return fixtures().of(store)
			.order(number)
			.placedAt(placedAt)
			.customer(new Customer("Shopper", "shopper@example.com", null, null))
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
