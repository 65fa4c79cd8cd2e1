package dev.beacon.carriers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.store.NewStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

/** A store with one order, for tests that need shipments. */
public final class CarriersTestSupport {

	private CarriersTestSupport() {
	}

	public static UUID store(StoreManagement stores, String prefix) {
		return stores.provision(new NewStore("Carriers test", TestStores.uniqueSlug(prefix), null, "America/New_York"))
			.store()
			.getId();
	}

	public static void order(OrderManagement orders, UUID storeId, String number) {
		orders.place(storeId, new PlaceOrder(number, Instant.now().minusSeconds(86400 * 5),
				new Customer("Ana Lima", "ana@example.com", null, "en-US"), new Address("38103", "Memphis", "TN", "US"),
				new Address("10001", "New York", "NY", "US"), null, List.of(new OrderItem("SKU-1", "Lamp", 1)), false));
	}

}
