package dev.beacon.support;

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
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
@RecordApplicationEvents
class SupportManagementIntegrationTests {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	SupportManagement support;

	@Autowired
	ApplicationEvents events;

	@Test
	void helpRequestsAreRaisedListedPerStoreAndResolved() {
		Fixtures fixtures = new Fixtures(this.stores, this.orders, this.shipments);
		Fixtures.StoreFixture shop = fixtures.store("help");
		UUID store = shop.id();
		UUID other = fixtures.store("help").id();
		Order order = shop.order("H-1").customer(new Customer("Jo", "jo@example.com", null, null)).place();
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

	@Test
	void anOrderHasAtMostThreeOpenAndFiveHelpRequestsADay() {
		Fixtures fixtures = new Fixtures(this.stores, this.orders, this.shipments);
		Fixtures.StoreFixture shop = fixtures.store("help-cap");
		UUID store = shop.id();
		Order order = shop.order("HC-1").place();
		Order other = shop.order("HC-2").place();
		List<HelpRequest> raised = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			raised
				.add(this.support.raise(store, order.getId(), null, HelpTopic.WHERE_IS_IT, "where " + i, null, "page"));
		}
		assertThatExceptionOfType(HelpRequestLimitReached.class).isThrownBy(() -> this.support.raise(store,
				order.getId(), null, HelpTopic.WHERE_IS_IT, "fourth open", null, "page"));
		this.support.resolve(store, raised.get(0).getId(), "Answered");
		this.support.resolve(store, raised.get(1).getId(), "Answered");
		this.support.raise(store, order.getId(), null, HelpTopic.WHERE_IS_IT, "fourth", null, "page");
		this.support.raise(store, order.getId(), null, HelpTopic.WHERE_IS_IT, "fifth", null, "page");
		this.support.resolve(store, raised.get(2).getId(), "Answered");
		assertThatExceptionOfType(HelpRequestLimitReached.class).isThrownBy(() -> this.support.raise(store,
				order.getId(), null, HelpTopic.WHERE_IS_IT, "sixth today", null, "page"));
		assertThat(this.support.forOrder(store, order.getId())).hasSize(5);
		assertThat(this.support.raise(store, other.getId(), null, HelpTopic.DAMAGED, "other order", null, "page")
			.getOrderId()).isEqualTo(other.getId());
	}

	@Test
	void aResolutionLongerThanItsColumnIsRefusedAndChangesNothing() {
		Fixtures fixtures = new Fixtures(this.stores, this.orders, this.shipments);
		Fixtures.StoreFixture shop = fixtures.store("help-long");
		Order order = shop.order("HL-1").place();
		HelpRequest r = this.support.raise(shop.id(), order.getId(), null, HelpTopic.DAMAGED, "broken", null, "page");
		assertThatExceptionOfType(ResolutionTooLong.class)
			.isThrownBy(() -> this.support.resolve(shop.id(), r.getId(), "x".repeat(501)))
			.satisfies((ex) -> assertThat(ex.maxLength()).isEqualTo(500));
		HelpRequest after = this.support.forOrder(shop.id(), order.getId()).get(0);
		assertThat(after.isOpen()).isTrue();
		assertThat(after.getResolution()).isNull();
		this.support.resolve(shop.id(), r.getId(), "y".repeat(500));
		assertThat(this.support.forOrder(shop.id(), order.getId()).get(0).getResolution()).hasSize(500);
	}

}
