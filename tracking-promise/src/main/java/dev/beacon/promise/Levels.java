package dev.beacon.promise;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The five nested levels a delivery counts in (lane, region, carrier + service +
 * destination country, carrier, the whole store), most specific first.
 */
final class Levels {

	private Levels() {
	}

	/**
	 * The level keys a sample counts in: its own lane's and, for questions that name no
	 * carrier or service, the same lane with any carrier.
	 */
	static Set<String> keys(Lane l) {
		Set<String> keys = new LinkedHashSet<>();
		of(l).forEach((level) -> keys.add(level.key()));
		of(new Lane(l.originRegion(), l.originCountry(), l.destinationRegion(), l.destinationCountry(), "", ""))
			.forEach((level) -> keys.add(level.key()));
		return keys;
	}

	/** The levels of a lane, most specific first. */
	static List<Level> of(Lane l) {
		String service = "S|" + l.carrier() + "|" + l.service() + "|" + l.destinationCountry();
		String carrierService = (l.carrier().isEmpty() ? "any carrier" : l.carrier())
				+ (l.service().isEmpty() ? "" : " " + l.service());
		return List.of(
				new Level("lane",
						"L|" + l.originRegion() + "|" + l.originCountry() + "|" + l.destinationRegion() + "|"
								+ l.destinationCountry() + "|" + l.carrier() + "|" + l.service(),
						l.label()),
				new Level("region", "R|" + service + "|" + l.destinationRegion(),
						carrierService + " to " + (l.destinationRegion().isEmpty() ? "?" : l.destinationRegion()) + "/"
								+ (l.destinationCountry().isEmpty() ? "?" : l.destinationCountry())),
				new Level("carrier-service-country", service,
						carrierService + " to "
								+ (l.destinationCountry().isEmpty() ? "anywhere" : l.destinationCountry())),
				new Level("carrier", "C|" + l.carrier(), l.carrier().isEmpty() ? "all carriers" : l.carrier()),
				new Level("global", "G", "all deliveries of the store"));
	}

	record Level(String name, String key, String label) {
	}

}
