/**
 * The sandbox carrier: scripted journeys with a fast clock, for the demo and tests; no
 * network.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.sandbox;
