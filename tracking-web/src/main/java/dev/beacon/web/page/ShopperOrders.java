package dev.beacon.web.page;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.web.page.PageModels.OrderView;

/**
 * Loads the order a shopper was granted, with its shipments, and presents it: the one
 * place the page controllers read an order.
 */
@Component
class ShopperOrders {

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final OrderPresenter presenter;

	ShopperOrders(OrderManagement orders, ShipmentManagement shipments, OrderPresenter presenter) {
		this.orders = orders;
		this.shipments = shipments;
		this.presenter = presenter;
	}

	/** The granted order of the request (404 when it no longer exists). */
	Order order(ShopperContext shopper) {
		String number = shopper.orderNumber();
		if (number == null || !shopper.granted()) {
			throw PageException.notFound();
		}
		return this.orders.find(shopper.store().getId(), number).orElseThrow(PageException::notFound);
	}

	List<ShipmentView> shipments(Order order) {
		return this.shipments.ofOrder(order.getId());
	}

	OrderView view(ShopperContext shopper) {
		Order order = order(shopper);
		return view(shopper, order, shipments(order));
	}

	OrderView view(ShopperContext shopper, Order order, List<ShipmentView> list) {
		return this.presenter.order(shopper.store(), order, list, shopper.locale());
	}

}
