package dev.beacon.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.store.NewStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordApplicationEvents
class SupportManagementIntegrationTests {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	SupportManagement support;

	@Autowired
	ApplicationEvents events;

	@Test
	void helpRequestsAreRaisedListedPerStoreAndResolved() {
		UUID store = this.stores.provision(new NewStore("Help", TestStores.uniqueSlug("help"), null, null))
			.store()
			.getId();
		UUID other = this.stores.provision(new NewStore("Other", TestStores.uniqueSlug("help"), null, null))
			.store()
			.getId();
		Order order = this.orders.place(store, new PlaceOrder("H-1", Instant.now(),
				new Customer("Jo", "jo@example.com", null, null), null, null, null, List.of(), false));
		HelpRequest r = this.support.raise(store, order.getId(), null, HelpTopic.NOT_RECEIVED,
				"  It says delivered but it is not here  ", "jo@example.com", "page");
		assertThat(r.getMessage()).isEqualTo("It says delivered but it is not here");
		assertThat(this.events.stream(HelpRequested.class)).singleElement()
			.satisfies((e) -> assertThat(e.topic()).isEqualTo(HelpTopic.NOT_RECEIVED));
		assertThat(this.support.open(List.of(store), 10)).extracting(HelpRequest::getId).contains(r.getId());
		assertThat(this.support.open(List.of(other), 10)).isEmpty();
		this.support.resolve(other, r.getId(), "not mine");
		assertThat(this.support.forOrder(store, order.getId()).get(0).isOpen()).isTrue();
		this.support.resolve(store, r.getId(), "Reshipped");
		assertThat(this.support.forOrder(store, order.getId()).get(0).isOpen()).isFalse();
		assertThat(this.support.open(List.of(store), 10)).isEmpty();
	}

}
