package dev.beacon.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JPA slice against the real PostgreSQL schema (Flyway-migrated, Hibernate-validated).
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class OrdersRepositoryTests {

	@Autowired
	Orders orders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	jakarta.persistence.EntityManager entityManager;

	private UUID store() {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				insert into stores (id, slug, name, brand_primary_color, brand_accent_color, default_locale, time_zone,
				                    created_at, version)
				values (?, ?, 'Slice', '#000000', '#000000', 'en', 'UTC', now(), 0)""", id, "slice-" + id);
		return id;
	}

	private int created;

	private Order order(UUID store, String number) {
		return new Order(store,
				new PlaceOrder(number, Instant.parse("2026-01-01T00:00:00Z"),
						new Customer("A", "a@example.com", null, null), null, null, null,
						List.of(new OrderItem("S", "Thing", 2), new OrderItem(null, "Other", 1)), false),
				Instant.parse("2026-01-02T00:00:00Z").plusSeconds(++this.created));
	}

	@Test
	void pagesNewestFirstWithAStableCursorPerStore() {
		UUID store = store();
		UUID other = store();
		for (int i = 1; i <= 5; i++) {
			this.orders.saveAndFlush(order(store, "P-" + i));
		}
		this.orders.saveAndFlush(order(other, "P-9"));
		List<Order> first = this.orders.firstPage(store, Limit.of(3));
		assertThat(first).extracting(Order::getOrderNumber).hasSize(3).doesNotContain("P-9");
		Order last = first.get(2);
		List<Order> rest = this.orders.pageAfter(store, last.getCreatedAt(), last.getId(), Limit.of(3));
		assertThat(rest).hasSize(2);
		assertThat(rest).extracting(Order::getId)
			.doesNotContainAnyElementsOf(first.stream().map(Order::getId).toList());
	}

	@Test
	void anOrderWithoutCustomerDetailsLoadsWithAnEmptyCustomer() {
		UUID store = store();
		Order saved = this.orders.saveAndFlush(new Order(
				store, new PlaceOrder("E-1", Instant.parse("2026-01-01T00:00:00Z"),
						new Customer(null, null, null, null), null, null, null, List.of(), false),
				Instant.parse("2026-01-02T00:00:00Z")));
		this.entityManager.clear();
		Order loaded = this.orders.findById(saved.getId()).orElseThrow();
		assertThat(loaded.getCustomer()).isEqualTo(new Customer(null, null, null, null));
		assertThat(loaded.getDestination()).isEqualTo(Address.empty());
	}

	@Test
	void itemsKeepTheirOrderAndNumbersAreUniquePerStore() {
		UUID store = store();
		Order saved = this.orders.saveAndFlush(order(store, "U-1"));
		assertThat(this.orders.findByStoreIdAndOrderNumber(store, "U-1")).get()
			.extracting(Order::getItems)
			.isEqualTo(List.of(new OrderItem("S", "Thing", 2), new OrderItem(null, "Other", 1)));
		assertThat(this.orders.findByStoreIdAndId(store(), saved.getId())).isEmpty();
		assertThatThrownBy(() -> this.orders.saveAndFlush(order(store, "U-1")))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDetailsReadOfAnOrderIsTheEntityReadFieldByFieldAndKeepsToItsStore() {
		UUID store = store();
		UUID other = store();
		Order full = new Order(store,
				new PlaceOrder("D-1", Instant.parse("2026-01-01T10:15:30.123456Z"),
						new Customer("Ana Lima", "Ana@Example.com", "+15550100000", "pt-BR"),
						new Address("38103", "Memphis", "TN", "us"), new Address("10001", "New York", "NY", "US"),
						LocalDate.of(2026, 1, 9),
						List.of(new OrderItem("S-1", "Lamp", 2), new OrderItem(null, "Shade", 1),
								new OrderItem("S-3", "Bulb", 4)),
						true, true, "api"),
				Instant.parse("2026-01-02T00:00:00Z"));
		full.cancel("console", Instant.parse("2026-01-03T08:00:00Z"));
		this.orders.saveAndFlush(full);
		this.orders.saveAndFlush(new Order(
				store, new PlaceOrder("D-2", Instant.parse("2026-01-01T00:00:00Z"),
						new Customer(null, null, null, null), null, null, null, List.of(), false),
				Instant.parse("2026-01-02T00:00:00Z")));
		this.orders.saveAndFlush(order(other, "D-3"));
		this.entityManager.clear();
		OrderReads reads = new OrderReads(this.jdbc);

		for (String number : List.of("D-1", "D-2")) {
			OrderDetails read = reads.details(store, number).orElseThrow();
			assertThat(read)
				.isEqualTo(OrderDetails.of(this.orders.findByStoreIdAndOrderNumber(store, number).orElseThrow()));
		}
		OrderDetails d1 = reads.details(store, "D-1").orElseThrow();
		assertThat(d1.items()).extracting(OrderItem::name).containsExactly("Lamp", "Shade", "Bulb");
		assertThat(d1.smsConsent()).isEqualTo(new SmsConsent(true, "api", Instant.parse("2026-01-02T00:00:00Z")));
		assertThat(d1.isCancelled()).isTrue();
		assertThat(d1.destination().country()).isEqualTo("US");
		assertThat(reads.details(store, "D-2").orElseThrow().items()).isEmpty();
		assertThat(reads.details(store, "D-3")).isEmpty();
		assertThat(reads.details(other, "D-1")).isEmpty();
	}

}
