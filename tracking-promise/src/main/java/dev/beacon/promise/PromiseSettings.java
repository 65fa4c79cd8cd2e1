package dev.beacon.promise;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promise engine settings ({@code beacon.promise.*}).
 *
 * @param minSamples parcels a level needs before it answers; below that the engine falls
 * back to the next, broader level
 * @param halfLife recency: a parcel ordered this long before another counts half as much
 * @param windowShare share of comparable parcels the window (earliest to latest) holds;
 * it ends at the target reliability
 * @param sharedLateness promise each lane at one shared cost of lateness (the mean
 * promise as short as possible with the store's orders kept at the target together)
 * instead of the target quantile on every lane; off by default (see docs/promises.md)
 * @param openParcels count parcels not delivered yet (imported pending or in-transit
 * rows; in the walk-forward backtest, parcels delivered after the cut-off) as taking at
 * least as long as they have been open (Kaplan–Meier); off by default (see
 * docs/promises.md)
 * @param trend stretch promises from the order by how much slower or faster the store's
 * orders of two to four weeks ago were than the four weeks before, compared where both
 * are fully observed ({@link Trend}); off by default (see docs/promises.md)
 */
@ConfigurationProperties("beacon.promise")
record PromiseSettings(@DefaultValue("30") int minSamples, @DefaultValue("P30D") Duration halfLife,
		@DefaultValue("0.5") double windowShare, @DefaultValue("false") boolean sharedLateness,
		@DefaultValue("false") boolean openParcels, @DefaultValue("false") boolean trend) {

	@ConstructorBinding
	PromiseSettings {
	}

	PromiseSettings(int minSamples, Duration halfLife, double windowShare, boolean sharedLateness,
			boolean openParcels) {
		this(minSamples, halfLife, windowShare, sharedLateness, openParcels, false);
	}

	double halfLifeDays() {
		return this.halfLife.toHours() / 24.0;
	}

}
