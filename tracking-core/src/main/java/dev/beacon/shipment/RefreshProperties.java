package dev.beacon.shipment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code beacon.refresh.*}: bounds on on-demand refreshes (API and console). The defaults
 * let a store refresh well over 100 different shipments a minute while one shipment, one
 * store or one leaked key cannot spend the carriers' budgets for everyone.
 *
 * @param perShipmentPerMinute refreshes of one shipment in a minute before 429
 * @param perStoreConcurrency refreshes of one store running at once
 * @param maxWait longest a refresh waits for a free slot or for carrier quota before 429
 * @param reserve share of each period's carrier budget kept for scheduled polls (read by
 * the carriers module)
 */
@ConfigurationProperties("beacon.refresh")
public record RefreshProperties(@DefaultValue("5") int perShipmentPerMinute, @DefaultValue("4") int perStoreConcurrency,
		@DefaultValue("PT3S") Duration maxWait, @DefaultValue("0.2") double reserve) {
}
