package dev.beacon.notify;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.OrderItem;
import dev.beacon.status.DeliveryWindow;

/**
 * What decides a message's words besides the store, kept in its outbox row (column
 * {@code facts}) when it is queued and rendered from when it is sent: the event's facts
 * (variant, carrier, window, location, status text, last scan) and the order's details as
 * they were then. The store's name, brand and wording, and the links, are those of the
 * moment it is sent ({@link MessageComposer}).
 *
 * @param variant a refinement of the trigger with its own wording (delivered: neighbour,
 * pickup_point; exception: address, damaged, lost, returned)
 * @param carrier the carrier's display name, empty when none
 * @param location the status location (help mail: the topic)
 * @param statusText the carrier's status text (help mail: the words quoted)
 * @param link where the message links instead of the shopper's signed order page (help
 * forwarded to the store: the console), or null
 */
public record MessageFacts(@Nullable String variant, String carrier, @Nullable String trackingNumber,
		@Nullable DeliveryWindow window, @Nullable String location, @Nullable String statusText,
		@Nullable LocalDate lastScan, @Nullable String firstName, String orderNumber, List<OrderItem> items,
		@Nullable String link) {

}
