/**
 * Inbound carrier and aggregator webhooks: signature checks per source, deduplication of
 * deliveries, and {@code PushIngestion}, which turns a verified delivery into pushed
 * scans through core's {@code ShipmentManagement.ingest}.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.push;
