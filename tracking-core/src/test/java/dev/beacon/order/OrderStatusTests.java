package dev.beacon.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.beacon.status.Milestone;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTests {

	@Test
	void derivedFromShipments() {
		assertThat(OrderStatus.derive(List.of())).isEqualTo(OrderStatus.ORDERED);
		assertThat(OrderStatus.derive(List.of(Milestone.IN_TRANSIT))).isEqualTo(OrderStatus.IN_TRANSIT);
		assertThat(OrderStatus.derive(List.of(Milestone.DELIVERED, Milestone.DELIVERED)))
			.isEqualTo(OrderStatus.DELIVERED);
		assertThat(OrderStatus.derive(List.of(Milestone.DELIVERED, Milestone.IN_TRANSIT)))
			.isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
		assertThat(OrderStatus.derive(List.of(Milestone.OUT_FOR_DELIVERY, Milestone.LABEL_CREATED)))
			.isEqualTo(OrderStatus.LABEL_CREATED);
		assertThat(OrderStatus.derive(List.of(Milestone.CANCELLED))).isEqualTo(OrderStatus.CANCELLED);
		assertThat(OrderStatus.derive(List.of(Milestone.CANCELLED, Milestone.DELIVERED)))
			.isEqualTo(OrderStatus.DELIVERED);
	}

}
