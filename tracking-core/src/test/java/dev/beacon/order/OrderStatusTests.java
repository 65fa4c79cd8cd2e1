package dev.beacon.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Progress;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTests {

	@Test
	void derivedFromShipments() {
		assertThat(OrderStatus.status(List.of())).isEqualTo(OrderStatus.ORDERED);
		assertThat(OrderStatus.status(List.of(Milestone.IN_TRANSIT))).isEqualTo(OrderStatus.IN_TRANSIT);
		assertThat(OrderStatus.status(List.of(Milestone.DELIVERED, Milestone.DELIVERED)))
			.isEqualTo(OrderStatus.DELIVERED);
		assertThat(OrderStatus.status(List.of(Milestone.DELIVERED, Milestone.IN_TRANSIT)))
			.isEqualTo(OrderStatus.PARTIALLY_DELIVERED);
		assertThat(OrderStatus.status(List.of(Milestone.OUT_FOR_DELIVERY, Milestone.LABEL_CREATED)))
			.isEqualTo(OrderStatus.LABEL_CREATED);
		assertThat(OrderStatus.status(List.of(Milestone.CANCELLED))).isEqualTo(OrderStatus.CANCELLED);
		assertThat(OrderStatus.status(List.of(Milestone.CANCELLED, Milestone.DELIVERED)))
			.isEqualTo(OrderStatus.DELIVERED);
	}

	@Test
	void healthIsTheWorstOfTheParcelsStillOnTheirWay() {
		Progress delayed = new Progress(Milestone.IN_TRANSIT, Health.DELAYED);
		Progress deliveredLate = new Progress(Milestone.DELIVERED, Health.DELAYED);
		Progress cancelled = new Progress(Milestone.CANCELLED, Health.EXCEPTION);
		Progress fine = new Progress(Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK);
		Progress returned = new Progress(Milestone.RETURNED, Health.EXCEPTION);

		assertThat(OrderStatus.derive(List.of()))
			.isEqualTo(new OrderStatus.Derived(OrderStatus.ORDERED, Health.ON_TRACK));
		assertThat(OrderStatus.derive(List.of(fine, delayed)))
			.isEqualTo(new OrderStatus.Derived(OrderStatus.IN_TRANSIT, Health.DELAYED));
		assertThat(OrderStatus.derive(List.of(deliveredLate, fine)))
			.isEqualTo(new OrderStatus.Derived(OrderStatus.PARTIALLY_DELIVERED, Health.ON_TRACK));
		assertThat(OrderStatus.derive(List.of(cancelled, fine)))
			.isEqualTo(new OrderStatus.Derived(OrderStatus.OUT_FOR_DELIVERY, Health.ON_TRACK));
		assertThat(OrderStatus.derive(List.of(deliveredLate, deliveredLate)))
			.isEqualTo(new OrderStatus.Derived(OrderStatus.DELIVERED, Health.ON_TRACK));
		assertThat(OrderStatus.derive(List.of(returned)))
			.isEqualTo(new OrderStatus.Derived(OrderStatus.RETURNED, Health.EXCEPTION));
	}

}
