/**
 * The public REST API for store backends under {@code /api/v1} (bearer API keys): orders,
 * shipments, stores and webhooks endpoints, strict JSON input, Idempotency-Key replay
 * ({@code IdempotentRequests}), rate limits ({@code ApiLimits}) and the module's own
 * problem+json errors ({@code ApiProblems}).
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.web.api;
