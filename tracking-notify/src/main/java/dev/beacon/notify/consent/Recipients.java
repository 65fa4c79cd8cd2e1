package dev.beacon.notify.consent;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Normalized addresses: lower-case emails, E.164 phone numbers. */
public final class Recipients {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private Recipients() {
	}

	public static @Nullable String email(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String e = raw.strip().toLowerCase(Locale.ROOT);
		return EMAIL.matcher(e).matches() ? e : null;
	}

	/** E.164 or null; only numbers already written with their country code qualify. */
	public static @Nullable String phone(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String p = raw.replaceAll("[\\s().-]", "");
		if (p.startsWith("00")) {
			p = "+" + p.substring(2);
		}
		return E164.matcher(p).matches() ? p : null;
	}

}
