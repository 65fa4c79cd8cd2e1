package dev.beacon.promise;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promise engine settings ({@code beacon.promise.*}).
 *
 * @param minSamples parcels a level needs before it answers; below that the engine falls
 * back to the next, broader level
 * @param halfLife recency: a parcel ordered this long before another counts half as much
 * @param windowShare share of comparable parcels the window (earliest to latest) holds;
 * it ends at the target reliability
 */
@ConfigurationProperties("beacon.promise")
record PromiseSettings(@DefaultValue("30") int minSamples, @DefaultValue("P30D") Duration halfLife,
		@DefaultValue("0.5") double windowShare) {

	double halfLifeDays() {
		return this.halfLife.toHours() / 24.0;
	}

}
