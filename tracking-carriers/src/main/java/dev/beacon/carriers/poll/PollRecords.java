package dev.beacon.carriers.poll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.Ingested;
import dev.beacon.shipment.NextPollSchedule;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.TransitionCause;

/** How {@link CarrierPoller} hands a claim's answers to core. */
final class PollRecords {

	private static final Logger log = LoggerFactory.getLogger(PollRecords.class);

	/**
	 * Shipments recorded in one transaction (see {@link #ingestAll}); a claim's worth at
	 * the default batch.
	 */
	static final int RECORD_CHUNK = 50;

	private PollRecords() {
	}

	/**
	 * Records a claim's answers in chunks, a transaction each, every shipment's next poll
	 * time ({@code schedule}) or expiry committed with its record: core records a chunk's
	 * answers without news in one read and one update, and the others one by one, its
	 * persistence context emptied after each (a chunk of 50 kept managed once spent half
	 * the poller's CPU in dirty checking). A chunk that fails (a deadlock, one bad
	 * shipment) is recorded one by one, each in a transaction of its own.
	 */
	static Map<UUID, Ingested> ingestAll(ShipmentManagement shipments, Map<UUID, CarrierUpdate> answers,
			NextPollSchedule schedule) {
		Map<UUID, Ingested> out = new LinkedHashMap<>();
		List<UUID> ids = new ArrayList<>(answers.keySet());
		for (int i = 0; i < ids.size(); i += RECORD_CHUNK) {
			Map<UUID, CarrierUpdate> chunk = new LinkedHashMap<>();
			ids.subList(i, Math.min(ids.size(), i + RECORD_CHUNK)).forEach((id) -> chunk.put(id, answers.get(id)));
			try {
				out.putAll(shipments.ingestAll(chunk, TransitionCause.POLL, schedule));
			}
			catch (RuntimeException batch) {
				log.debug("batch of {} polls not recorded at once; one by one", chunk.size(), batch);
				chunk.forEach((id, update) -> {
					try {
						out.putAll(shipments.ingestAll(Map.of(id, update), TransitionCause.POLL, schedule));
					}
					catch (RuntimeException ex) {
						log.warn("could not record poll of shipment {}", id, ex);
					}
				});
			}
		}
		return out;
	}

}
