/**
 * What the aggregator sources (17TRACK, EasyPost) share: the registrations of the numbers
 * they follow, kept once per number and carrier in PostgreSQL.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.sources;
