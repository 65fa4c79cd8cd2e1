package dev.beacon.order;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.status.Progress;

/** Recording and reading orders. The module's API; every call is scoped by store. */
@Service
public class OrderManagement {

	private final Orders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderManagement(Orders orders, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.events = events;
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
		this.events.publishEvent(new OrderPlaced(storeId, order.getId(), order.getOrderNumber(), order.isTest()));
		return order;
	}

	@Transactional(readOnly = true)
	public Optional<Order> find(UUID storeId, String orderNumber) {
		return this.orders.findByStoreIdAndOrderNumber(storeId, orderNumber);
	}

	@Transactional(readOnly = true)
	public Optional<Order> find(UUID storeId, UUID orderId) {
		return this.orders.findByStoreIdAndId(storeId, orderId);
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
			Cursor c = Cursor.decode(cursor);
			rows = this.orders.pageAfter(storeId, c.createdAt(), c.id(), Limit.of(size + 1));
		}
		String next = null;
		if (rows.size() > size) {
			rows = rows.subList(0, size);
			Order last = rows.get(size - 1);
			next = new Cursor(last.getCreatedAt(), last.getId()).encode();
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
		if (order.derived(derived.status(), derived.health(), this.clock.instant()) && publish) {
			this.events.publishEvent(
					new OrderStatusChanged(order.getStoreId(), orderId, before, derived.status(), derived.health()));
		}
	}

	record Cursor(Instant createdAt, UUID id) {

		String encode() {
			String raw = this.createdAt.toString() + "|" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				String[] parts = raw.split("\\|", 2);
				return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
			}
			catch (RuntimeException ex) {
				throw new OrderException(OrderException.Kind.INVALID, "cursor", "cursor is not one this API issued");
			}
		}

	}

}
