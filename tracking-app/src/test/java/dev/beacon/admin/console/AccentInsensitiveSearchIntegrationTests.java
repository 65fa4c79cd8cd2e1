package dev.beacon.admin.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/** Console search ignores accents, on an index (issue 9). */
@BeaconIntegrationTest
class AccentInsensitiveSearchIntegrationTests {

	@Autowired
	ConsoleSearch search;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void diegoRamirezFindsDiegoRamirezWithAnAccentAndTheOtherWayRound() {
		Store store = this.stores.provision(new NewStore("Accents", TestStores.uniqueSlug("accents"), null, null))
			.store();
		place(store, "AC-1", "Diego Ramírez");
		place(store, "AC-2", "Zoe Muller");
		place(store, "AC-3", "Diego Ramos");
		assertThat(numbers(store, "Diego Ramirez")).containsExactly("AC-1");
		assertThat(numbers(store, "diego ramírez")).containsExactly("AC-1");
		assertThat(numbers(store, "Zoë Müller")).containsExactly("AC-2");
	}

	@Test
	void theAccentFreeNameSearchCanUseItsTrigramIndex() {
		List<String> plan = new ArrayList<>();
		this.tx.executeWithoutResult((status) -> {
			this.jdbc.execute("set local enable_seqscan = off");
			plan.addAll(this.jdbc.queryForList(
					"explain select id from orders where beacon_unaccent(lower(customer_name)) like beacon_unaccent('%ramirez%')",
					String.class));
		});
		assertThat(plan).anySatisfy((line) -> assertThat(line).contains("orders_name_unaccent_trgm"));
	}

	private List<String> numbers(Store store, String query) {
		return this.search.search(List.of(store.getId()), query).stream().map(ConsoleSearch.Hit::orderNumber).toList();
	}

	private void place(Store store, String number, String name) {
		this.orders.place(store.getId(),
				new PlaceOrder(number, Instant.parse("2026-11-02T10:00:00Z"),
						new Customer(name, number.toLowerCase() + "@example.com", null, null),
						new Address("90001", "Los Angeles", "CA", "US"), new Address("10001", "New York", "NY", "US"),
						LocalDate.of(2026, 11, 9), List.of(new OrderItem("SKU", "Thing", 1)), false));
	}

}
