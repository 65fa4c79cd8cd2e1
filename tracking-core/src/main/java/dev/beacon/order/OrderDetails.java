package dev.beacon.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;

/**
 * An order as read models show it (the shopper's page, the status API): every field of
 * {@link Order}, read in one plain statement with its items
 * ({@link OrderManagement#details}) or copied from the entity ({@link #of(Order)}), so
 * both reads present an order the same way.
 */
public record OrderDetails(UUID id, UUID storeId, String orderNumber, Customer customer, Address destination,
		Address origin, Instant placedAt, @Nullable LocalDate promisedBy, OrderStatus status, Health health,
		List<OrderItem> items, boolean test, Instant createdAt, Instant updatedAt, @Nullable Instant cancelledAt,
		@Nullable SmsConsent smsConsent, @Nullable Instant personalDataErasedAt) {

	public static OrderDetails of(Order o) {
		return new OrderDetails(o.getId(), o.getStoreId(), o.getOrderNumber(), o.getCustomer(), o.getDestination(),
				o.getOrigin(), o.getPlacedAt(), o.getPromisedBy(), o.getStatus(), o.getHealth(), o.getItems(),
				o.isTest(), o.getCreatedAt(), o.getUpdatedAt(), o.getCancelledAt(), o.getSmsConsent(),
				o.getPersonalDataErasedAt());
	}

	OrderDetails withItems(List<OrderItem> list) {
		return new OrderDetails(this.id, this.storeId, this.orderNumber, this.customer, this.destination, this.origin,
				this.placedAt, this.promisedBy, this.status, this.health, list, this.test, this.createdAt,
				this.updatedAt, this.cancelledAt, this.smsConsent, this.personalDataErasedAt);
	}

	public boolean isCancelled() {
		return this.cancelledAt != null;
	}

}
