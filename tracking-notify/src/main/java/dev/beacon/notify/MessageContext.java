package dev.beacon.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.OrderItem;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Brand;

/**
 * Everything a message says, gathered before rendering.
 *
 * @param variant a refinement of the trigger with its own wording (delivered: neighbour,
 * pickup_point; exception: address, damaged, lost, returned)
 * @param wording the store's overrides for the message's locale
 */
record MessageContext(Trigger trigger, @Nullable String variant, String storeName, Brand brand,
		@Nullable String firstName, String orderNumber, List<OrderItem> items, String carrier,
		@Nullable String trackingNumber, @Nullable DeliveryWindow window, @Nullable String location,
		@Nullable String statusText, @Nullable LocalDate lastScan, String link, @Nullable String unsubscribeLink,
		Map<String, String> wording) {

	/**
	 * A queued message's facts in the store's current name, brand and wording, with its
	 * links.
	 */
	static MessageContext of(Trigger trigger, MessageFacts f, String storeName, Brand brand, String link,
			@Nullable String unsubscribeLink, Map<String, String> wording) {
		return new MessageContext(trigger, f.variant(), storeName, brand, f.firstName(), f.orderNumber(), f.items(),
				f.carrier(), f.trackingNumber(), f.window(), f.location(), f.statusText(), f.lastScan(), link,
				unsubscribeLink, wording);
	}

}
