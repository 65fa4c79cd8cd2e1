package dev.beacon.shipment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.beacon.status.Health;

/**
 * Reads raw scans into milestones, health and reason using the carriers' mapping tables
 * (beans of type {@link MappingTable}). A code no table knows is kept as an informational
 * scan under rule {@code <carrier>:unmapped}: it never moves progress.
 */
@Component
public class Normalizer {

	private final Map<String, MappingTable> tables;

	Normalizer(List<MappingTable> tables) {
		this.tables = tables.stream().collect(Collectors.toMap(MappingTable::carrier, Function.identity(), (a, b) -> {
			throw new IllegalStateException("two mapping tables for carrier " + a.carrier());
		}, TreeMap::new));
	}

	public Normalization normalize(String carrier, String rawCode, String rawText) {
		MappingTable table = this.tables.get(carrier);
		Normalization result = (table != null) ? table.match(rawCode, rawText) : null;
		return (result != null) ? result : new Normalization(null, Health.ON_TRACK, null, false, carrier + ":unmapped");
	}

	/** Version of each carrier's table, for replay when a table changes. */
	public Map<String, String> versions() {
		return this.tables.values()
			.stream()
			.collect(Collectors.toMap(MappingTable::carrier, MappingTable::version, (a, b) -> a, TreeMap::new));
	}

	public String version(String carrier) {
		MappingTable table = this.tables.get(carrier);
		return (table != null) ? table.version() : "none";
	}

}
