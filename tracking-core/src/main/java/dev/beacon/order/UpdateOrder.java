package dev.beacon.order;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A change to an order: only what is given changes. In {@link ContactChange} and the
 * destination, a null field is left as it is and an empty string clears it.
 *
 * @param customer contact changes, or null
 * @param destination destination changes, or null
 * @param promisedBy the new promised date, or null for unchanged
 * @param cancel whether to cancel the order
 * @param source who asks: {@code api}, {@code console}, {@code shopify}...
 */
public record UpdateOrder(@Nullable ContactChange customer, @Nullable Address destination,
		@Nullable LocalDate promisedBy, boolean cancel, String source) {

	/** Changes to the shopper's contact details and SMS consent. */
	public record ContactChange(@Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable String locale, @Nullable Boolean smsConsent) {
	}

}
