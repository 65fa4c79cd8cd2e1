/**
 * Outbound webhooks to store backends: a store registers endpoints; status changes write
 * deliveries into an outbox in the same transaction; a dispatcher claims them with
 * {@code FOR UPDATE SKIP LOCKED}, signs them (HMAC-SHA256) and retries with backoff.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.web.hooks;
