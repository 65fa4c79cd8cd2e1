package dev.beacon.shipment;

import java.util.UUID;

/**
 * Asks a shipment's carrier for news now, outside the polling schedule, and feeds the
 * answer to {@link ShipmentManagement#ingest}. Implemented by the carriers module.
 */
public interface CarrierPolling {

	void pollNow(UUID shipmentId);

}
