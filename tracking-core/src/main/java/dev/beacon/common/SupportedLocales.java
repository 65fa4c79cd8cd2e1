package dev.beacon.common;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The languages Beacon speaks (tracking page, messages, console previews) and how a
 * wanted language is matched to one of them. The one list: a new language is added here
 * and in the message bundles.
 */
public final class SupportedLocales {

	/** English first: the last resort. */
	public static final List<Locale> ALL = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
			Locale.forLanguageTag("pt-BR"), Locale.GERMAN, Locale.FRENCH);

	private SupportedLocales() {
	}

	/**
	 * The supported locale for a tag: exact, else by language ("pt-PT" gives pt-BR,
	 * "fr_CA" gives fr); null when none (or the tag is blank or absurdly long).
	 */
	public static @Nullable Locale match(@Nullable String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return null;
		}
		Locale wanted = Locale.forLanguageTag(tag.strip().replace('_', '-'));
		for (Locale l : ALL) {
			if (l.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag())) {
				return l;
			}
		}
		for (Locale l : ALL) {
			if (!wanted.getLanguage().isEmpty() && l.getLanguage().equals(wanted.getLanguage())) {
				return l;
			}
		}
		return null;
	}

	/** The supported locale closest to the shopper's, else the store's, else English. */
	public static Locale resolve(@Nullable String shopper, @Nullable Locale storeDefault) {
		Locale match = match(shopper);
		if (match == null && storeDefault != null) {
			match = match(storeDefault.toLanguageTag());
		}
		return (match != null) ? match : Locale.ENGLISH;
	}

	/** Whether {@code tag} names a supported locale exactly ("pt-BR", not "pt"). */
	public static boolean isSupported(String tag) {
		return ALL.stream().anyMatch((l) -> l.toLanguageTag().equals(tag));
	}

}
