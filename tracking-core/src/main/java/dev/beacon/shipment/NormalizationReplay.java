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
 * the stored raw scans of that carrier are read again and their shipments re-derived,
 * {@value #BATCH} shipments per transaction. Each batch holds a per-carrier advisory
 * lock, so instances starting together take turns and never re-derive a shipment twice at
 * once. A replay publishes no message and no webhook: its shipment events carry cause
 * REPLAY, which notify and webhooks ignore, and the order is re-derived quietly.
 */
@Component
class NormalizationReplay {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(NormalizationReplay.class);

	private final Normalizer normalizer;

	private final ShipmentTracking tracking;

	private final JdbcTemplate jdbc;

	NormalizationReplay(Normalizer normalizer, ShipmentTracking tracking, JdbcTemplate jdbc) {
		this.normalizer = normalizer;
		this.tracking = tracking;
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
			int shipments = replay(carrier, version);
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
			log.error("Replay of {} scans failed; batches not yet done keep their scans as they were", carrier, ex);
		}
	}

	/** Re-derives every shipment with scans read by another table version. */
	int replay(String carrier, String version) {
		int total = 0;
		int batch;
		do {
			batch = this.tracking.replayBatch(carrier, version, BATCH);
			total += batch;
		}
		while (batch > 0);
		return total;
	}

}
