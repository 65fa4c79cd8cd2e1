/**
 * EasyPost as an active source: creates trackers for the shipments of stores that
 * connected EasyPost (their updates then arrive as signed {@code tracker.updated}
 * pushes).
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.easypost;
