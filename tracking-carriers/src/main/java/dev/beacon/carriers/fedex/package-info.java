/**
 * The FedEx adapter: its request and response mapping onto {@code CarrierUpdate}, and its
 * configuration.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.fedex;
