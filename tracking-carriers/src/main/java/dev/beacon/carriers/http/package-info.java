/**
 * The HTTP side shared by all carriers: the {@code CarrierAdapter} contract and its HTTP
 * base, {@code CarrierGateway} (timeouts, quotas, retries honouring Retry-After, circuit
 * breaker), OAuth tokens, per-carrier settings and metrics.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.http;
