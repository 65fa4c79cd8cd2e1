package dev.beacon.carriers.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The scripted journeys of the sandbox carrier. A tracking number is {@code SBX} + 10
 * digits; the first digit picks the journey (0 on time, 1 delayed, 2 failed attempt then
 * delivered, 3 address exception, 4 returned to sender, 5 lost, 6 available for pickup; 7
 * cancelled is an extension). Offsets are carrier time after the shipment was handed over
 * (shipped-at, or registration when unknown).
 */
final class SandboxJourneys {

	static final Pattern NUMBER = Pattern.compile("SBX([0-9])([0-9]{9})");

	/** Where a scan happens. */
	enum Place {

		ORIGIN, HUB, DESTINATION

	}

	/** One scripted scan. */
	record Step(Duration offset, String code, String text, Place place) {
	}

	/** A journey: its name and scans in order. */
	record Journey(int digit, String name, List<Step> steps, Duration plannedDelivery) {
	}

	private static Step at(double hours, String code, String text, Place place) {
		return new Step(Duration.ofSeconds(Math.round(hours * 3600)), code, text, place);
	}

	private static final List<Step> FIRST_LEG = List.of(
			at(0, "LC", "Shipping label created, awaiting item", Place.ORIGIN),
			at(3, "PU", "Picked up by driver", Place.ORIGIN),
			at(8, "AR", "Arrived at origin sort facility", Place.ORIGIN),
			at(12, "DP", "Departed origin sort facility", Place.ORIGIN),
			at(30, "AR", "Arrived at regional hub", Place.HUB), at(36, "DP", "Departed regional hub", Place.HUB));

	static final List<Journey> JOURNEYS = List.of(
			journey(0, "on time", 86, at(60, "AR", "Arrived at destination facility", Place.DESTINATION),
					at(80, "OD", "Out for delivery", Place.DESTINATION),
					at(86, "DL", "Delivered, left at front door", Place.DESTINATION)),
			journey(1, "delayed", 86, at(40, "DY", "Delayed: severe weather in the area", Place.HUB),
					at(66, "DP", "Departed regional hub after weather delay", Place.HUB),
					at(76, "AR", "Arrived at destination facility, running late", Place.DESTINATION),
					at(90, "OD", "Out for delivery", Place.DESTINATION),
					at(95, "DL", "Delivered, handed to resident", Place.DESTINATION)),
			journey(2, "failed attempt then delivered", 80,
					at(60, "AR", "Arrived at destination facility", Place.DESTINATION),
					at(70, "OD", "Out for delivery", Place.DESTINATION),
					at(76, "DA", "Delivery attempted: no one available to sign", Place.DESTINATION),
					at(88, "OD", "Out for delivery, second attempt", Place.DESTINATION),
					at(94, "DL", "Delivered, signed by recipient", Place.DESTINATION)),
			journey(3, "address exception", 86, at(60, "AR", "Arrived at destination facility", Place.DESTINATION),
					at(70, "OD", "Out for delivery", Place.DESTINATION),
					at(74, "AX", "Address exception: incorrect address, delivery on hold", Place.DESTINATION),
					at(90, "AH", "Held at facility awaiting corrected address", Place.DESTINATION)),
			journey(4, "returned to sender", 80, at(60, "AR", "Arrived at destination facility", Place.DESTINATION),
					at(70, "OD", "Out for delivery", Place.DESTINATION),
					at(74, "RF", "Delivery refused by recipient", Place.DESTINATION),
					at(80, "RS", "Returning to sender", Place.DESTINATION),
					at(90, "RA", "Return in transit: arrived at regional hub", Place.HUB),
					at(98, "RT", "Returned to sender", Place.ORIGIN)),
			journey(5, "lost", 86, at(96, "TR", "Package cannot be located: trace opened", Place.HUB)),
			journey(6, "available for pickup", 80, at(60, "AR", "Arrived at destination facility", Place.DESTINATION),
					at(72, "OD", "Out for delivery", Place.DESTINATION),
					at(78, "HP", "Ready for pickup at access point", Place.DESTINATION)),
			new Journey(7, "cancelled", List.of(at(0, "LC", "Shipping label created, awaiting item", Place.ORIGIN),
					at(6, "CA", "Shipment cancelled by the shipper", Place.ORIGIN)), Duration.ofHours(80)));

	private static Journey journey(int digit, String name, double plannedHours, Step... tail) {
		List<Step> steps = new java.util.ArrayList<>(FIRST_LEG);
		steps.addAll(List.of(tail));
		return new Journey(digit, name, List.copyOf(steps), Duration.ofSeconds(Math.round(plannedHours * 3600)));
	}

	private SandboxJourneys() {
	}

	/**
	 * The journey of a sandbox number, or null when it is not one or names no journey.
	 */
	static @Nullable Journey of(String trackingNumber) {
		var m = NUMBER.matcher(trackingNumber.toUpperCase(Locale.ROOT));
		if (!m.matches()) {
			return null;
		}
		int digit = m.group(1).charAt(0) - '0';
		return (digit < JOURNEYS.size()) ? JOURNEYS.get(digit) : null;
	}

	static boolean isSandboxNumber(String trackingNumber) {
		return of(trackingNumber) != null;
	}

}
