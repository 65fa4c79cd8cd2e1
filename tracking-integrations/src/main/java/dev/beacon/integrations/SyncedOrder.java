package dev.beacon.integrations;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderItem;

/**
 * An order as a platform reports it, in Beacon's terms (the platform packages build it
 * from their payloads; nothing platform-shaped leaves them).
 *
 * @param externalId the platform's own order id
 * @param orderNumber the number shoppers know
 * @param updatedAt the platform's last change, to ignore stale redeliveries
 * @param cancelled whether the platform cancelled (or refunded) it
 */
public record SyncedOrder(String platform, String externalId, String orderNumber, Instant placedAt, Customer customer,
		@Nullable Address destination, List<OrderItem> items, @Nullable Instant updatedAt, boolean cancelled,
		List<SyncedShipment> shipments) {

	/**
	 * A parcel the platform knows.
	 *
	 * @param fulfillmentId the platform's fulfillment id (null when it has none)
	 * @param company the carrier as the platform names it (any carrier)
	 * @param status the platform's shipment status (Shopify {@code shipment_status}), or
	 * null
	 */
	public record SyncedShipment(@Nullable String fulfillmentId, String trackingNumber, @Nullable String company,
			@Nullable String trackingUrl, @Nullable Instant shippedAt, @Nullable String status,
			@Nullable Instant statusAt) {
	}

}
