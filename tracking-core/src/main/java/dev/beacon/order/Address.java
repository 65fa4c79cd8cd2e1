package dev.beacon.order;

import java.util.Locale;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** Where an order goes or comes from. Country is ISO 3166-1 alpha-2, upper case. */
@Embeddable
public record Address(@Nullable String postalCode, @Nullable String city, @Nullable String region,
		@Nullable String country) {

	public Address {
		country = (country != null) ? country.strip().toUpperCase(Locale.ROOT) : null;
		region = (region != null) ? region.strip() : null;
		postalCode = (postalCode != null) ? postalCode.strip() : null;
		city = (city != null) ? city.strip() : null;
	}

	public static Address empty() {
		return new Address(null, null, null, null);
	}

	/** A short "City, Region, Country" label for display, skipping what is unknown. */
	public String label() {
		StringBuilder sb = new StringBuilder();
		for (String part : new String[] { this.city, this.region, this.country }) {
			if (part != null && !part.isBlank()) {
				sb.append(sb.isEmpty() ? "" : ", ").append(part);
			}
		}
		return sb.toString();
	}

}
