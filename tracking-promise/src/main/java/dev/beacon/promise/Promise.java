package dev.beacon.promise;

import java.time.LocalDate;

/**
 * A delivery promise: the window, the probability of arriving by {@code latest}, and what
 * it was learned from.
 *
 * @param earliest first day of the window
 * @param latest last day of the window (the date to promise)
 * @param confidence share of comparable past parcels that arrived by {@code latest}
 * @param samples how many past parcels the distribution holds
 * @param lane the lane (or the fallback level) the distribution belongs to
 * @param level which level answered: lane, carrier-service-country, carrier, global
 * @param earliestDays business days to {@code earliest}
 * @param latestDays business days to {@code latest}
 */
public record Promise(LocalDate earliest, LocalDate latest, double confidence, int samples, String lane, String level,
		int earliestDays, int latestDays) {
}
