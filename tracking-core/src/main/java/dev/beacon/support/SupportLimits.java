package dev.beacon.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caps on help requests per order ({@code beacon.support.*}), so a grant holder cannot
 * flood a store's queue or the shopper's inbox.
 *
 * @param openPerOrder at most this many unresolved help requests per order
 * @param perOrderPerDay at most this many help requests per order in any 24 hours
 * @param resolutionLength longest resolution an agent may write (the column's length)
 */
@ConfigurationProperties("beacon.support")
public record SupportLimits(@DefaultValue("3") int openPerOrder, @DefaultValue("5") int perOrderPerDay,
		@DefaultValue("500") int resolutionLength) {

	public SupportLimits {
		openPerOrder = Math.max(1, openPerOrder);
		perOrderPerDay = Math.max(1, perOrderPerDay);
		resolutionLength = Math.max(1, Math.min(resolutionLength, 500));
	}

}
