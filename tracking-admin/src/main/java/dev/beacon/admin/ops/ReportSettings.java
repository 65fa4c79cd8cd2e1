package dev.beacon.admin.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report settings ({@code beacon.console.reports.*}).
 *
 * @param backtestMonths the promise backtest replays the parcels delivered in this many
 * months before today (the store's time zone), not the whole history
 * @param backtestMaxParcels and at most this many of them, the latest: its memory and
 * time per view stay bounded however busy the store is
 */
@ConfigurationProperties("beacon.console.reports")
record ReportSettings(@DefaultValue("12") int backtestMonths, @DefaultValue("200000") int backtestMaxParcels) {

	ReportSettings {
		if (backtestMonths < 1 || backtestMaxParcels < 1) {
			throw new IllegalArgumentException(
					"beacon.console.reports.backtest-months and -max-parcels must be positive");
		}
	}

}
