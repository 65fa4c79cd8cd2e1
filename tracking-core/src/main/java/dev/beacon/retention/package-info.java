/**
 * Data retention: how long Beacon keeps delivery logs, deduplication rows, message
 * bodies, raw payloads and personal data ({@code beacon.retention.*}), and the daily job
 * that applies it in bounded batches, once per cluster. Modules contribute a
 * {@link dev.beacon.retention.RetentionSweep} for the tables they own; most extend
 * {@link dev.beacon.retention.AgedRowsSweep} (delete rows older than an age, in batches).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.beacon.retention;
