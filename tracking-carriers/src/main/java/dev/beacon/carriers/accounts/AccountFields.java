package dev.beacon.carriers.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.beacon.carriers.CarrierAccount.Field;
import dev.beacon.carriers.CarrierAccountException;
import dev.beacon.carriers.http.CarrierSettings;

/**
 * The credential fields of each direct carrier, their validation, and how they become the
 * adapter's {@link CarrierSettings} (client id and secret, or API key).
 */
final class AccountFields {

	private static final Field CLIENT_ID = new Field("clientId", "Client id (API key)", false, true);

	private static final Field CLIENT_SECRET = new Field("clientSecret", "Client secret", true, true);

	private static final Field ACCOUNT_NUMBER = new Field("accountNumber", "Account number", false, false);

	private static final Map<String, List<Field>> FIELDS = Map.of("ups",
			List.of(CLIENT_ID, CLIENT_SECRET, ACCOUNT_NUMBER), "fedex",
			List.of(CLIENT_ID, CLIENT_SECRET, ACCOUNT_NUMBER), "usps", List.of(CLIENT_ID, CLIENT_SECRET), "dhl",
			List.of(new Field("apiKey", "API key", true, true)), "canadapost",
			List.of(new Field("username", "API user name", false, true),
					new Field("password", "API password", true, true),
					new Field("customerNumber", "Customer number", false, false)));

	private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private static final int MAX = 500;

	private AccountFields() {
	}

	/** The fields of a carrier that takes accounts; empty when it does not. */
	static List<Field> of(String carrier) {
		return FIELDS.getOrDefault(carrier, List.of());
	}

	/**
	 * A request body checked field by field: every required field present, no field the
	 * carrier does not take, strings without control characters; 422 naming the first
	 * field at fault.
	 */
	static Map<String, String> validate(String carrier, @Nullable Map<String, ?> body) {
		if (body == null || body.isEmpty()) {
			throw CarrierAccountException.invalid(of(carrier).get(0).name(),
					"give the " + carrier + " credentials: " + names(carrier));
		}
		for (String name : body.keySet()) {
			if (of(carrier).stream().noneMatch((f) -> f.name().equals(name))) {
				throw CarrierAccountException.invalid(name,
						name + " is not a " + carrier + " credential (" + names(carrier) + ")");
			}
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (Field f : of(carrier)) {
			Object raw = body.get(f.name());
			if (raw == null || (raw instanceof String s && s.isBlank())) {
				if (f.required()) {
					throw CarrierAccountException.invalid(f.name(), f.name() + " is required");
				}
				continue;
			}
			if (!(raw instanceof String value)) {
				throw CarrierAccountException.invalid(f.name(), f.name() + " must be a string");
			}
			String v = value.strip();
			if (v.length() > MAX || v.chars().anyMatch(Character::isISOControl)) {
				throw CarrierAccountException.invalid(f.name(),
						f.name() + " must be at most " + MAX + " characters without control characters");
			}
			if (!f.secret() && !f.required() && !NUMBER.matcher(v).matches()) {
				throw CarrierAccountException.invalid(f.name(),
						f.name() + " must be 1 to 40 letters, digits or dashes");
			}
			out.put(f.name(), v);
		}
		return out;
	}

	/** The stored fields as the adapter's credentials. */
	static CarrierSettings settings(Map<String, String> fields) {
		CarrierSettings empty = CarrierSettings.empty();
		return empty.withCredentials(first(fields, "clientId", "username"), first(fields, "clientSecret", "password"),
				fields.get("apiKey"));
	}

	private static @Nullable String first(Map<String, String> fields, String a, String b) {
		return (fields.get(a) != null) ? fields.get(a) : fields.get(b);
	}

	private static String names(String carrier) {
		return String.join(", ", of(carrier).stream().map(Field::name).toList());
	}

}
