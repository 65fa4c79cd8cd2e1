package dev.beacon.shipment;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.OrderCancelled;

/** A cancelled order's shipments are polled no more (in the cancelling transaction). */
@Component
class CancelledOrderShipments {

	private final JdbcTemplate jdbc;

	CancelledOrderShipments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(OrderCancelled e) {
		this.jdbc.update("update shipments set next_poll_at = null where order_id = ? and store_id = ?", e.orderId(),
				e.storeId());
	}

}
