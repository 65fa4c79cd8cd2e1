package dev.beacon.order;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.status.Progress;

/**
 * Recording and reading orders. The module's API; every call is scoped by store. It
 * publishes the order's events ({@link OrderPlaced}, {@link OrderCancelled},
 * {@link OrderStatusChanged}, {@link SmsConsentRecorded}) with what listeners need; the
 * order status rule itself is {@link OrderStatus#derive}, paging is {@code OrderCursor};
 * changes after placing (including cancelling and erasure) are made by
 * {@code OrderChanges}.
 */
@Service
public class OrderManagement {

	private final Orders orders;

	private final ApplicationEventPublisher events;

	private final OrderChanges changes;

	private final ObjectProvider<OrderConfirmations> confirmations;

	private final Clock clock;

	private final OrderReads reads;

	OrderManagement(Orders orders, ApplicationEventPublisher events, OrderChanges changes,
			ObjectProvider<OrderConfirmations> confirmations, Clock clock, OrderReads reads) {
		this.reads = reads;
		this.orders = orders;
		this.events = events;
		this.changes = changes;
		this.confirmations = confirmations;
		this.clock = clock;
	}

	@Transactional
	public Order place(UUID storeId, PlaceOrder command) {
		if (this.orders.existsByStoreIdAndOrderNumber(storeId, command.orderNumber().strip())) {
			throw new OrderException(OrderException.Kind.DUPLICATE, "orderNumber",
					"order '" + command.orderNumber() + "' already exists in this store");
		}
		Order order;
		try {
			order = this.orders.saveAndFlush(new Order(storeId, command, this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new OrderException(OrderException.Kind.DUPLICATE, "orderNumber",
					"order '" + command.orderNumber() + "' already exists in this store");
		}
		this.events.publishEvent(new OrderPlaced(storeId, order.getId(), order.getOrderNumber(), order.isTest(),
				command.source(), confirms(storeId, command.source())));
		this.changes.publishConsent(order);
		return order;
	}

	/**
	 * Changes an order's contact details, destination, promised date, SMS consent, or
	 * cancels it (see {@link UpdateOrder}). Answers the order as it is then.
	 */
	@Transactional
	public Order update(UUID storeId, String orderNumber, UpdateOrder change) {
		return this.changes.update(get(storeId, orderNumber), change);
	}

	/**
	 * Cancels an order (idempotent): it stops polling, sends nothing more, and its page
	 * says so. For platform integrations as much as for the API.
	 */
	@Transactional
	public Order cancel(UUID storeId, String orderNumber, String source) {
		return this.changes.cancel(get(storeId, orderNumber), source);
	}

	/**
	 * Erases the shopper's personal data of an order (idempotent): the name, email and
	 * phone on the order, and, through every {@link PersonalDataErasure}, the copies
	 * other modules keep (message bodies, raw payloads, help requests). Keeps the order,
	 * its shipments, normalized scans and every statistic.
	 */
	@Transactional
	public void erasePersonalData(UUID storeId, String orderNumber) {
		this.changes.erase(get(storeId, orderNumber));
	}

	/** {@link #erasePersonalData(UUID, String)} by order id (retention, integrations). */
	@Transactional
	public void erasePersonalData(UUID storeId, UUID orderId) {
		find(storeId, orderId).ifPresent(this.changes::erase);
	}

	/** Orders of a store placed with this email address (privacy requests). */
	@Transactional(readOnly = true)
	public List<Order> byCustomerEmail(UUID storeId, String email) {
		return this.orders.findByStoreIdAndCustomerEmail(storeId, email.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Up to {@code limit} orders (any store) finished (delivered, returned, expired or
	 * cancelled) before {@code before} whose personal data is still kept: retention.
	 */
	@Transactional(readOnly = true)
	public List<Order> finishedWithPersonalData(Instant before, int limit) {
		return this.orders.finishedWithPersonalData(before, Limit.of(limit));
	}

	@Transactional(readOnly = true)
	public Optional<Order> find(UUID storeId, String orderNumber) {
		return this.orders.findByStoreIdAndOrderNumber(storeId, orderNumber);
	}

	/**
	 * The order with its items as read models show it, in one plain statement (no
	 * entity): for the shopper's page and the status API. The same fields as
	 * {@code OrderDetails.of(find(storeId, orderNumber))}. Joins the caller's
	 * transaction; without one it opens none (the statement runs in autocommit, no
	 * session).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<OrderDetails> details(UUID storeId, String orderNumber) {
		return this.reads.details(storeId, orderNumber);
	}

	/**
	 * The order as a shopper types its number: the exact number first, else the one order
	 * whose number differs only in case ({@code nw-1004} finds {@code NW-1004}); none
	 * when two orders differ only in case.
	 */
	@Transactional(readOnly = true)
	public Optional<Order> findIgnoringCase(UUID storeId, String orderNumber) {
		Optional<Order> exact = find(storeId, orderNumber);
		if (exact.isPresent()) {
			return exact;
		}
		List<Order> matches = this.orders.findAllByStoreIdAndOrderNumberIgnoringCase(storeId, orderNumber, Limit.of(2));
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	/**
	 * The order of this id in this store. Read by id (the order and its items in one
	 * statement), so an order already read in the transaction costs no statement again.
	 */
	@Transactional(readOnly = true)
	public Optional<Order> find(UUID storeId, UUID orderId) {
		return this.orders.findById(orderId).filter((o) -> o.getStoreId().equals(storeId));
	}

	/**
	 * The order numbers of {@code orderIds}, read in one query; orders outside
	 * {@code storeIds} are left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> numbers(Collection<UUID> storeIds, Collection<UUID> orderIds) {
		Map<UUID, String> numbers = new HashMap<>();
		if (orderIds.isEmpty()) {
			return numbers;
		}
		for (Order o : this.orders.findAllById(orderIds)) {
			if (storeIds.contains(o.getStoreId())) {
				numbers.put(o.getId(), o.getOrderNumber());
			}
		}
		return numbers;
	}

	@Transactional(readOnly = true)
	public Order get(UUID storeId, String orderNumber) {
		return find(storeId, orderNumber).orElseThrow(() -> OrderException.notFound(orderNumber));
	}

	/** Orders newest first, {@code limit} at a time, continuing after {@code cursor}. */
	@Transactional(readOnly = true)
	public OrderPage page(UUID storeId, @Nullable String cursor, int limit) {
		int size = Math.max(1, Math.min(limit, 200));
		List<Order> rows;
		if (cursor == null || cursor.isBlank()) {
			rows = this.orders.firstPage(storeId, Limit.of(size + 1));
		}
		else {
			OrderCursor c = OrderCursor.decode(cursor);
			rows = this.orders.pageAfter(storeId, c.createdAt(), c.id(), Limit.of(size + 1));
		}
		String next = null;
		if (rows.size() > size) {
			rows = rows.subList(0, size);
			Order last = rows.get(size - 1);
			next = new OrderCursor(last.getCreatedAt(), last.getId()).encode();
		}
		return new OrderPage(List.copyOf(rows), next);
	}

	/**
	 * Re-derives an order's status from where its parcels stand
	 * ({@link OrderStatus#derive}) and, if {@code publish}, publishes
	 * {@link OrderStatusChanged} when it moved (a replay re-derives quietly).
	 */
	@Transactional
	public void deriveStatus(UUID orderId, Collection<Progress> parcels, boolean publish) {
		Order order = this.orders.findById(orderId).orElseThrow();
		OrderStatus before = order.getStatus();
		OrderStatus.Derived derived = OrderStatus.derive(parcels);
		// a cancelled order stays CANCELLED and is no news whatever its parcels do
		if (order.derived(derived, this.clock.instant()) && publish && !order.isCancelled()) {
			this.events.publishEvent(this.changes.statusChanged(order, before));
		}
	}

	private boolean confirms(UUID storeId, String source) {
		for (OrderConfirmations c : this.confirmations) {
			Boolean answer = c.confirms(storeId, source);
			if (answer != null) {
				return answer;
			}
		}
		return true;
	}

}
