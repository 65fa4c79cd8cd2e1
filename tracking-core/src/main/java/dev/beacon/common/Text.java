package dev.beacon.common;

import org.jspecify.annotations.Nullable;

/**
 * Text from outside (carriers, platforms) cut to the length its column keeps, so an
 * over-long description is stored shortened instead of failing the transaction.
 */
public final class Text {

	private Text() {
	}

	/**
	 * {@code text} if it fits in {@code max} characters, else its first {@code max - 1}
	 * characters and an ellipsis; never splits a surrogate pair.
	 */
	public static @Nullable String fit(@Nullable String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		if (max < 2) {
			return text.substring(0, max);
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	/**
	 * {@code text} cut to its first {@code max} characters, without a mark (for codes,
	 * zones and postal codes, where an ellipsis would be noise).
	 */
	public static @Nullable String cut(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
