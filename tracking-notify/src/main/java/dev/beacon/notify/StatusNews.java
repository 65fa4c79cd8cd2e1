package dev.beacon.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.beacon.shipment.ScansRecorded;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * Which shipment changes are news, and which variant of it (pure, no I/O): milestone
 * news, exceptions that ask the shopper to act, the delivered and exception variants read
 * from the status text and reason, and "arrived in the destination country". The
 * listeners that feed it are {@link NotificationTriggers}.
 */
final class StatusNews {

	private static final Pattern NEIGHBOUR = Pattern.compile("(?i)neighbo(u)?r|nachbar|vecino|vizinho|voisin");

	private static final Pattern PICKUP_POINT = Pattern.compile(
			"(?i)pick ?up point|access point|parcel ?shop|paketshop|locker|packstation|service ?point|point relais|"
					+ "post office|retail location|pickup location");

	/** Milestone news that already asks the shopper to do something. */
	private static final Set<Trigger> ASKS_TO_ACT = EnumSet.of(Trigger.DELIVERY_ATTEMPTED, Trigger.AVAILABLE_FOR_PICKUP,
			Trigger.EXCEPTION);

	private StatusNews() {
	}

	/** Status changes that are news (several at once coalesce by priority). */
	static List<News> of(ShipmentStatusChanged e) {
		List<News> news = new ArrayList<>();
		Milestone from = e.fromMilestone();
		Milestone to = e.toMilestone();
		Instant at = (e.occurredAt() != null) ? e.occurredAt() : e.recordedAt();
		if (from != to) {
			switch (to) {
				case PICKED_UP, IN_TRANSIT -> {
					if (from.rank() < Milestone.PICKED_UP.rank()) {
						news.add(shipmentNews(e, Trigger.SHIPPED, null, ""));
					}
				}
				case OUT_FOR_DELIVERY -> news
					.add(shipmentNews(e, Trigger.OUT_FOR_DELIVERY, null, String.valueOf(at.getEpochSecond() / 86400)));
				case DELIVERY_ATTEMPTED ->
					news.add(shipmentNews(e, Trigger.DELIVERY_ATTEMPTED, null, String.valueOf(at.getEpochSecond())));
				case AVAILABLE_FOR_PICKUP -> news.add(shipmentNews(e, Trigger.AVAILABLE_FOR_PICKUP, null, ""));
				case DELIVERED -> news.add(shipmentNews(e, Trigger.DELIVERED, deliveredVariant(e.statusText()), ""));
				case RETURNING, RETURNED -> news.add(shipmentNews(e, Trigger.EXCEPTION, "returned", "returned"));
				case EXPIRED -> news.add(shipmentNews(e, Trigger.STALLED, null, "expired"));
				default -> {
				}
			}
		}
		boolean worse = e.toHealth() == Health.EXCEPTION || e.toHealth() == Health.ACTION_REQUIRED;
		boolean changed = e.fromHealth() != e.toHealth() || from != to;
		// news that asks the shopper to act is never swallowed by milestone news of the
		// same poll (e.g. out for delivery plus an address problem): both are queued and
		// coalescing lets the more important (the action) win
		boolean alsoAction = e.toHealth() == Health.ACTION_REQUIRED
				&& news.stream().noneMatch((n) -> ASKS_TO_ACT.contains(n.trigger()));
		if ((news.isEmpty() || alsoAction) && worse && changed && e.reason() != Reason.CONSIGNEE
				&& e.reason() != Reason.SILENT) {
			String variant = exceptionVariant(e.reason());
			news.add(shipmentNews(e, Trigger.EXCEPTION, variant,
					(variant != null) ? variant : String.valueOf(e.reason())));
		}
		return news;
	}

	private static News shipmentNews(ShipmentStatusChanged e, Trigger trigger, @Nullable String variant,
			String discriminator) {
		return new News(trigger, variant, discriminator, e.storeId(), e.orderId(), e.shipmentId(), e.carrier(),
				e.trackingNumber(), e.estimatedDelivery(), e.statusLocation(), e.statusText(), null, null,
				e.recordedAt());
	}

	static @Nullable String deliveredVariant(@Nullable String statusText) {
		if (statusText == null) {
			return null;
		}
		if (NEIGHBOUR.matcher(statusText).find()) {
			return "neighbour";
		}
		return PICKUP_POINT.matcher(statusText).find() ? "pickup_point" : null;
	}

	static @Nullable String exceptionVariant(@Nullable Reason reason) {
		if (reason == null) {
			return null;
		}
		return switch (reason) {
			case ADDRESS -> "address";
			case DAMAGED -> "damaged";
			case LOST -> "lost";
			case RETURN_TO_SENDER, REFUSED -> "returned";
			default -> null;
		};
	}

	/**
	 * "Arrived in the destination country" after scans abroad: the meaningful in-transit
	 * news, read from the event's facts (the newest scan and the countries of the
	 * others); the destination is asked for only then.
	 */
	static @Nullable News arrivedInDestinationCountry(ScansRecorded e, Supplier<@Nullable String> destinationCountry) {
		ScansRecorded.After v = e.after();
		if (v == null || v.milestone() != Milestone.IN_TRANSIT) {
			return null;
		}
		String destination = destinationCountry.get();
		if (destination == null) {
			return null;
		}
		ScansRecorded.Newest newest = v.newest();
		if (!destination.equalsIgnoreCase(newest.location().country())
				|| v.earlierCountries().contains(destination.toUpperCase(Locale.ROOT))
				|| v.earlierCountries().isEmpty()) {
			return null; // not there yet, arrived before, or never abroad
		}
		return new News(Trigger.IN_TRANSIT_UPDATE, null, "arrived:" + destination, e.storeId(), v.orderId(),
				e.shipmentId(), e.carrier(), v.trackingNumber(), v.estimatedDelivery(), newest.location().label(),
				newest.description(), null, null, newest.occurredAt());
	}

}
