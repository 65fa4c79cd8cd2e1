package dev.beacon.promise;

import dev.beacon.common.OutboxWrites;
import dev.beacon.shipment.ShipmentDelivered;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How the promise module learns from core: each delivery (core's
 * {@link ShipmentDelivered}, which carries the lane and the dates) becomes a
 * {@code delivery_history} row, written in the publishing transaction through
 * {@link OutboxWrites#guarded} like every other module's reaction. The row commits with
 * the delivery or not at all; a failure to write it never undoes the delivery. Test
 * orders are not learned.
 */
@Component
class DeliveryLearning {

	private final DeliveryHistory history;

	private final OutboxWrites writes;

	DeliveryLearning(DeliveryHistory history, OutboxWrites writes) {
		this.history = history;
		this.writes = writes;
	}

	@EventListener
	void on(ShipmentDelivered event) {
		if (event.testOrder()) {
			return;
		}
		this.writes.guarded("promise", () -> this.history.record(event));
	}

	static DeliverySample sample(ShipmentDelivered e) {
		return new DeliverySample(
				Lane.of(e.origin().region(), e.origin().country(), e.destination().region(), e.destination().country(),
						e.carrier(), e.service()),
				DeliveryHistory.date(e.placedAt(), e.zone()),
				(e.shippedAt() != null) ? DeliveryHistory.date(e.shippedAt(), e.zone()) : null,
				DeliveryHistory.date(e.deliveredAt(), e.zone()), e.promisedBy());
	}

}
