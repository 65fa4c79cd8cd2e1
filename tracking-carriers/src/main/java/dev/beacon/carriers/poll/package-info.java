/**
 * When and how shipments are polled: {@code PollQueue} claims due shipments with
 * {@code FOR UPDATE SKIP LOCKED} leases and keeps {@code next_poll_at};
 * {@code CarrierPoller} asks each carrier's adapter and hands every answer to core's
 * {@code ShipmentManagement.ingest}; {@code PollSchedule} turns the answer into the next
 * due time.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.poll;
