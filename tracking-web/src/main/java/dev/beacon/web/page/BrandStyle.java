package dev.beacon.web.page;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.beacon.store.Brand;

/**
 * Turns a store's brand colours into CSS custom properties that keep WCAG AA contrast
 * whatever the store chose: text on the brand colour is black or white, and
 * brand-coloured text on white is darkened until it reads.
 */
final class BrandStyle {

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	private BrandStyle() {
	}

	static String css(Brand brand) {
		String primary = color(brand.primaryColor(), Brand.DEFAULT_PRIMARY);
		String accent = color(brand.accentColor(), Brand.DEFAULT_ACCENT);
		return ":root{--brand:" + primary + ";--on-brand:" + onColor(primary) + ";--brand-ink:" + ink(primary)
				+ ";--accent:" + accent + ";--on-accent:" + onColor(accent) + ";--accent-ink:" + ink(accent) + "}";
	}

	static String color(@Nullable String value, String fallback) {
		return (value != null && HEX.matcher(value.strip()).matches()) ? value.strip().toLowerCase(Locale.ROOT)
				: fallback;
	}

	/** Black or white, whichever contrasts more with the colour. */
	static String onColor(String hex) {
		double l = luminance(rgb(hex));
		return (contrast(1.0, l) >= contrast(l, 0.0)) ? "#ffffff" : "#111111";
	}

	/** The colour, darkened until it has at least 4.5:1 contrast on white. */
	static String ink(String hex) {
		int[] c = rgb(hex);
		for (int i = 0; i < 40 && contrast(1.0, luminance(c)) < 4.6; i++) {
			c = new int[] { (int) (c[0] * 0.9), (int) (c[1] * 0.9), (int) (c[2] * 0.9) };
		}
		return String.format("#%02x%02x%02x", c[0], c[1], c[2]);
	}

	static double contrast(double lighter, double darker) {
		double a = Math.max(lighter, darker);
		double b = Math.min(lighter, darker);
		return (a + 0.05) / (b + 0.05);
	}

	static double luminance(int[] c) {
		double[] lin = new double[3];
		for (int i = 0; i < 3; i++) {
			double s = c[i] / 255.0;
			lin[i] = (s <= 0.03928) ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
	}

	private static int[] rgb(String hex) {
		return new int[] { Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
				Integer.parseInt(hex.substring(5, 7), 16) };
	}

}
