/**
 * The few technical helpers every module shares, so that each exists once: HMAC and
 * SHA-256 ({@link dev.beacon.common.Hmac}), the guard that writes a module's outbox rows
 * in the publishing transaction ({@link dev.beacon.common.OutboxWrites}) and the one
 * {@link java.time.Clock} bean ({@link dev.beacon.common.ClockConfiguration}). It depends
 * on nothing else in Beacon.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.beacon.common;
