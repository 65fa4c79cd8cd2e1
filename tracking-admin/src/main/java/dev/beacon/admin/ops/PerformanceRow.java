package dev.beacon.admin.ops;

import org.jspecify.annotations.Nullable;

/**
 * One row of the delivery performance report. Rates are fractions (0..1), durations are
 * calendar days; null where there is nothing to measure.
 *
 * @param key the group (carrier code, service, destination region, or the Monday of the
 * week)
 * @param shipments shipments of non-test orders placed in the range
 * @param delivered of which delivered
 * @param onTimeRate delivered by the promised date, among delivered shipments with a
 * promise
 * @param medianDaysToShip order to handover, median
 * @param p90DaysToShip order to handover, 90th percentile
 * @param medianTransitDays handover to delivery, median
 * @param p90TransitDays handover to delivery, 90th percentile
 * @param exceptionRate shipments that hit an exception or needed action
 * @param lostRate shipments the carrier reported lost
 * @param wismoPer100Orders "where is my order?" help requests per 100 orders
 * @param orders distinct orders in the group
 */
public record PerformanceRow(String key, long shipments, long delivered, @Nullable Double onTimeRate,
		@Nullable Double medianDaysToShip, @Nullable Double p90DaysToShip, @Nullable Double medianTransitDays,
		@Nullable Double p90TransitDays, double exceptionRate, double lostRate, double wismoPer100Orders, long orders) {
}
