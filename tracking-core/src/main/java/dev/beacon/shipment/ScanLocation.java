package dev.beacon.shipment;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

import dev.beacon.common.Text;

/** Where a scan happened, as precisely as the carrier says. */
@Embeddable
public record ScanLocation(@Column(name = "loc_city") @Nullable String city,
		@Column(name = "loc_region") @Nullable String region,
		@Column(name = "loc_postal_code") @Nullable String postalCode,
		@Column(name = "loc_country") @Nullable String country) {

	public static ScanLocation unknown() {
		return new ScanLocation(null, null, null, null);
	}

	/** This location cut to the lengths the database keeps. */
	ScanLocation fitted() {
		return new ScanLocation(Text.fit(this.city, 120), Text.fit(this.region, 120), Text.cut(this.postalCode, 20),
				Text.cut(this.country, 2));
	}

	/** "Memphis, TN, US" style label; empty when nothing is known. */
	public String label() {
		StringBuilder sb = new StringBuilder();
		for (String part : new String[] { titleCase(this.city), this.region, this.country }) {
			if (part != null && !part.isBlank()) {
				sb.append(sb.isEmpty() ? "" : ", ").append(part.strip());
			}
		}
		return sb.toString();
	}

	private static @Nullable String titleCase(@Nullable String s) {
		if (s == null || s.isBlank() || !s.equals(s.toUpperCase(Locale.ROOT))) {
			return s;
		}
		StringBuilder sb = new StringBuilder();
		for (String w : s.toLowerCase(Locale.ROOT).split(" ")) {
			if (!w.isEmpty()) {
				sb.append(sb.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
			}
		}
		return sb.toString();
	}

}
