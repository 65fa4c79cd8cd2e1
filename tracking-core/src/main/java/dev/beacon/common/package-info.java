/**
 * The few technical helpers every module shares, so that each exists once: the one
 * {@link java.time.Clock} bean ({@link dev.beacon.common.ClockConfiguration}), HMAC and
 * SHA-256 ({@link dev.beacon.common.Hmac}), the supported languages
 * ({@link dev.beacon.common.SupportedLocales}), the business-day calendar
 * ({@link dev.beacon.common.BusinessCalendar}), carrier text cut to its column
 * ({@link dev.beacon.common.Text}), query-string checks
 * ({@link dev.beacon.common.QueryStrings}), the outbound address policy
 * ({@link dev.beacon.common.OutboundAddressPolicy}) and the resolver that pins its
 * checked addresses for HTTP clients ({@link dev.beacon.common.PinnedDnsResolver}), the
 * one secrets helper that encrypts credentials at rest
 * ({@link dev.beacon.common.SecretsCipher}), the problem+json every module's REST errors
 * are built with, naming the field of an unreadable body
 * ({@link dev.beacon.common.JsonErrors}), the two halves of how modules react (ADR 0004):
 * the guard that writes a module's outbox rows in the publishing transaction
 * ({@link dev.beacon.common.OutboxWrites}) and the loops that work them off
 * ({@link dev.beacon.common.BackgroundLoops}), and counters in time windows shared by
 * every instance ({@link dev.beacon.common.WindowCounters}), and nullable JDBC columns as
 * {@code java.time} values ({@link dev.beacon.common.Rows}). It depends on nothing else
 * in Beacon.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.beacon.common;
