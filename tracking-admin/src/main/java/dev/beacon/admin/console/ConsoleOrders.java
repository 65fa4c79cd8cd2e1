package dev.beacon.admin.console;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;

/**
 * Looks up the order (and shipment) a console request names, within the user's stores.
 */
@Component
class ConsoleOrders {

	private final ConsoleAccess access;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final NamedParameterJdbcTemplate jdbc;

	ConsoleOrders(ConsoleAccess access, OrderManagement orders, ShipmentManagement shipments,
			NamedParameterJdbcTemplate jdbc) {
		this.access = access;
		this.orders = orders;
		this.shipments = shipments;
		this.jdbc = jdbc;
	}

	/** The order, when it exists in one of the user's stores; 404 otherwise. */
	Order requireOrder(UUID orderId) {
		List<UUID> mine = this.access.storeIds();
		if (mine.isEmpty()) {
			throw new ConsoleNotFoundException("order");
		}
		List<UUID> owner = this.jdbc.queryForList(
				"select store_id from orders where id = :id and store_id in (:stores)",
				new MapSqlParameterSource("id", orderId).addValue("stores", mine), UUID.class);
		if (owner.isEmpty()) {
			throw new ConsoleNotFoundException("order");
		}
		return this.orders.find(owner.get(0), orderId).orElseThrow(() -> new ConsoleNotFoundException("order"));
	}

	/** The shipment, when it belongs to the order; 404 otherwise. */
	void requireShipment(Order order, UUID shipmentId) {
		ShipmentView v = this.shipments.find(order.getStoreId(), shipmentId)
			.orElseThrow(() -> new ConsoleNotFoundException("shipment"));
		if (!v.orderId().equals(order.getId())) {
			throw new ConsoleNotFoundException("shipment");
		}
	}

	static String redirect(UUID orderId) {
		return "redirect:/console/orders/" + orderId;
	}

}
