package dev.beacon.shipment;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a carrier's mapping table version differs from the one recorded in the database,
 * the stored raw scans of that carrier are read again and their shipments re-derived.
 * Runs once at start; several instances starting together agree through a
 * transaction-scoped advisory lock.
 */
@Component
class NormalizationReplay {

	private static final Logger log = LoggerFactory.getLogger(NormalizationReplay.class);

	private final Normalizer normalizer;

	private final ShipmentManagement shipments;

	private final JdbcTemplate jdbc;

	NormalizationReplay(Normalizer normalizer, ShipmentManagement shipments, JdbcTemplate jdbc) {
		this.normalizer = normalizer;
		this.shipments = shipments;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void replayChangedTables() {
		for (Map.Entry<String, String> table : this.normalizer.versions().entrySet()) {
			replayIfChanged(table.getKey(), table.getValue());
		}
	}

	void replayIfChanged(String carrier, String version) {
		String recorded = this.jdbc.query("select version from normalization_versions where carrier = ?",
				(rs) -> rs.next() ? rs.getString(1) : null, carrier);
		if (version.equals(recorded)) {
			return;
		}
		try {
			int shipments = this.shipments.replay(carrier);
			this.jdbc.update("""
					insert into normalization_versions (carrier, version, applied_at) values (?, ?, now())
					on conflict (carrier) do update set version = excluded.version, applied_at = now()""", carrier,
					version);
			if (recorded != null) {
				log.info("Mapping table for {} changed {} -> {}: {} shipments re-derived", carrier, recorded, version,
						shipments);
			}
		}
		catch (RuntimeException ex) {
			log.error("Replay of {} scans failed; stored scans are unchanged", carrier, ex);
		}
	}

}
