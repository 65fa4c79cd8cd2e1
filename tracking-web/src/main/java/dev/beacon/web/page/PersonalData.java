package dev.beacon.web.page;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;

/**
 * What the page shows of personal data, and no more: a masked name and email, the city
 * with only the postal prefix, and carrier text without who signed for the parcel.
 */
final class PersonalData {

	private static final Pattern PERSONAL = Pattern
		.compile("(?i)\\b(signed(?: for)? by|received by|left with|leave with)\\b.*$");

	private PersonalData() {
	}

	/** Strips who signed for or received a parcel from carrier text. */
	static String scrub(String text) {
		return PERSONAL.matcher(text).replaceAll("$1 ***");
	}

	/** "Ana L." */
	static @Nullable String maskedName(Customer customer) {
		String name = customer.name();
		if (name == null || name.isBlank()) {
			return null;
		}
		String[] parts = name.strip().split("\\s+");
		return (parts.length == 1) ? parts[0] : parts[0] + " " + parts[parts.length - 1].charAt(0) + ".";
	}

	/** "a***@e***.com" */
	static @Nullable String maskedEmail(@Nullable String email) {
		if (email == null || email.indexOf('@') <= 0) {
			return null;
		}
		String local = email.substring(0, email.indexOf('@'));
		String domain = email.substring(email.indexOf('@') + 1);
		int dot = domain.lastIndexOf('.');
		String host = (dot > 0) ? domain.substring(0, dot) : domain;
		String tld = (dot > 0) ? domain.substring(dot) : "";
		return local.charAt(0) + "***@" + (host.isEmpty() ? "" : host.charAt(0)) + "***" + tld;
	}

	/** "Memphis, TN 381**, US": city and postal prefix only. */
	static @Nullable String shipTo(Address a) {
		StringBuilder sb = new StringBuilder();
		if (a.city() != null && !a.city().isBlank()) {
			sb.append(a.city());
		}
		if (a.region() != null && !a.region().isBlank()) {
			sb.append(sb.isEmpty() ? "" : ", ").append(a.region());
		}
		if (a.postalCode() != null && a.postalCode().length() >= 3) {
			sb.append(sb.isEmpty() ? "" : " ").append(a.postalCode(), 0, 3).append("**");
		}
		if (a.country() != null && !a.country().isBlank()) {
			sb.append(sb.isEmpty() ? "" : ", ").append(a.country());
		}
		return sb.isEmpty() ? null : sb.toString();
	}

}
