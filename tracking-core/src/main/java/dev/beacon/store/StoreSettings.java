package dev.beacon.store;

import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * Everything about a store its operator may change, as one value
 * ({@link StoreManagement#updateSettings}).
 *
 * @param name shown to shoppers
 * @param defaultLocale BCP 47 tag
 * @param timeZone IANA zone
 * @param brand logo, colours and support contacts (the brand's help text is kept as is)
 * @param supportHours when support answers, free text
 * @param cutoffTime orders placed before it (store time) ship the same business day
 * @param handlingDays business days from order to hand-over to the carrier
 */
public record StoreSettings(String name, String defaultLocale, String timeZone, Brand brand,
		@Nullable String supportHours, LocalTime cutoffTime, int handlingDays) {

	public static StoreSettings of(Store store) {
		return new StoreSettings(store.getName(), store.getDefaultLocale().toLanguageTag(), store.getTimeZone().getId(),
				store.getBrand(), store.getSupportHours(), store.getShippingCutoffTime(),
				store.getShippingHandlingDays());
	}

}
