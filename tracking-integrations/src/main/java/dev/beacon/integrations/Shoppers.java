package dev.beacon.integrations;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.beacon.common.Text;
import dev.beacon.order.Address;
import dev.beacon.order.Customer;

/**
 * Cleans shopper data from a platform the way the API validates it: values Beacon cannot
 * use are dropped rather than failing the order.
 */
public final class Shoppers {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{5,40}");

	private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private Shoppers() {
	}

	public static Customer customer(@Nullable String name, @Nullable String email, @Nullable String phone,
			@Nullable String locale) {
		String n = Text.cut(blankToNull(name), 200);
		String e = (email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches()) ? email.strip()
				: null;
		String p = (phone != null && PHONE.matcher(phone.strip()).matches()) ? phone.strip() : null;
		String l = (locale != null && locale.length() <= 35 && LOCALE.matcher(locale.strip()).matches())
				? locale.strip() : null;
		return new Customer(n, e, p, l);
	}

	public static @Nullable Address address(@Nullable String postalCode, @Nullable String city, @Nullable String region,
			@Nullable String country) {
		String c = (country != null && COUNTRY.matcher(country.strip()).matches())
				? country.strip().toUpperCase(Locale.ROOT) : null;
		Address a = new Address(Text.cut(blankToNull(postalCode), 20), Text.cut(blankToNull(city), 120),
				Text.cut(blankToNull(region), 120), c);
		return (a.postalCode() == null && a.city() == null && a.region() == null && a.country() == null) ? null : a;
	}

	/**
	 * An order number as Beacon accepts it: without a leading '#', no path characters.
	 */
	public static @Nullable String orderNumber(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String n = raw.strip();
		while (n.startsWith("#")) {
			n = n.substring(1).strip();
		}
		n = n.replaceAll("[/\\\\?#]", "-");
		return (n.isEmpty() || n.length() > 64) ? null : n;
	}

	public static @Nullable String name(@Nullable String first, @Nullable String last) {
		String f = blankToNull(first);
		String l = blankToNull(last);
		if (f == null && l == null) {
			return null;
		}
		return ((f != null) ? f : "") + ((f != null && l != null) ? " " : "") + ((l != null) ? l : "");
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
