/**
 * 17TRACK as an aggregator source: registration of the shipments no direct adapter
 * follows, signed pushes, {@code gettrackinfo} as a fallback, {@code stoptrack} at a
 * terminal state, and the 17TRACK mapping table.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.track17;
