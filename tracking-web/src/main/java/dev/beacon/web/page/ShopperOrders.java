package dev.beacon.web.page;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.order.OrderDetails;
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

	private final TransactionTemplate readOnly;

	ShopperOrders(OrderManagement orders, ShipmentManagement shipments, OrderPresenter presenter,
			PlatformTransactionManager transactions) {
		this.orders = orders;
		this.shipments = shipments;
		this.presenter = presenter;
		// the page's reads: plain statements on one pooled connection in autocommit, no
		// transaction (no BEGIN/COMMIT, no Hibernate session), as the status API reads.
		// Under READ COMMITTED each statement took its own snapshot anyway; both keep to
		// the store, and a shopper's own change (SMS consent, help request) was committed
		// before the redirect to the page that shows it.
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
	}

	/**
	 * The granted order with its shipments, read on one pooled connection without a
	 * transaction (autocommit), as plain projections (no entities).
	 */
	Loaded load(ShopperContext shopper) {
		Loaded loaded = this.readOnly.execute((status) -> {
			OrderDetails order = order(shopper);
			return new Loaded(order, shipments(order));
		});
		if (loaded == null) {
			throw PageException.notFound();
		}
		return loaded;
	}

	/** The granted order of the request (404 when it no longer exists). */
	OrderDetails order(ShopperContext shopper) {
		String number = shopper.orderNumber();
		if (number == null || !shopper.granted()) {
			throw PageException.notFound();
		}
		return this.orders.details(shopper.store().getId(), number).orElseThrow(PageException::notFound);
	}

	List<ShipmentView> shipments(OrderDetails order) {
		return this.shipments.ofOrderWithoutPayloads(order.storeId(), order.id());
	}

	OrderView view(ShopperContext shopper) {
		Loaded loaded = load(shopper);
		return view(shopper, loaded.order(), loaded.shipments());
	}

	OrderView view(ShopperContext shopper, OrderDetails order, List<ShipmentView> list) {
		return this.presenter.order(shopper.store(), order, list, shopper.locale());
	}

	/** An order and its shipments, read together. */
	record Loaded(OrderDetails order, List<ShipmentView> shipments) {
	}

}
