package dev.beacon.order;

/**
 * Erases what a module stores about an order's shopper (message bodies, raw payloads,
 * help requests...). Core owns this SPI; {@link OrderManagement#erasePersonalData} calls
 * every implementation in the transaction that blanks the order's contact details, so
 * either everything is erased or nothing is. Implementations must keep statistics
 * (counts, statuses, times, normalized scans) and be idempotent.
 */
public interface PersonalDataErasure {

	void erase(ErasedShopper shopper);

}
