package dev.beacon.status;

/** Why a shipment is not simply on track. */
public enum Reason {

	CARRIER, CONSIGNEE, CUSTOMS, WEATHER, ADDRESS, DAMAGED, LOST, REFUSED, RETURN_TO_SENDER, HELD, SILENT, OTHER

}
