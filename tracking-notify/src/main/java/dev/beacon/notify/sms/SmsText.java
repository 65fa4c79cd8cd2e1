package dev.beacon.notify.sms;

import java.text.Normalizer;

/**
 * SMS text that stays in the GSM-7 alphabet (so a segment holds 160 characters, not the
 * 70 of UCS-2) and within two segments: characters outside GSM-7 lose their accents (ã →
 * a), anything else becomes '?', and a too-long text is shortened before the link.
 */
public final class SmsText {

	static final int MAX_SEPTETS = 2 * 153;

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENDED = "^{}\\[~]|€";

	private SmsText() {
	}

	/** Text, then a space and the link, fitted into two GSM-7 segments. */
	public static String compose(String text, String link) {
		String body = toGsm(text.strip().replaceAll("\\s+", " "));
		String tail = " " + toGsm(link);
		if (septets(body + tail) <= MAX_SEPTETS) {
			return body + tail;
		}
		int budget = MAX_SEPTETS - septets(tail) - 3;
		StringBuilder cut = new StringBuilder();
		for (int i = 0; i < body.length(); i++) {
			String next = cut.toString() + body.charAt(i);
			if (septets(next) > budget) {
				break;
			}
			cut.append(body.charAt(i));
		}
		return cut.toString().stripTrailing() + "..." + tail;
	}

	public static String toGsm(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (isGsm(c)) {
				out.append(c);
				continue;
			}
			String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			char p = plain.isEmpty() ? '?' : plain.charAt(0);
			if (c == '’' || c == '‘') {
				p = '\'';
			}
			else if (c == '“' || c == '”' || c == '«' || c == '»') {
				p = '"';
			}
			else if (c == '–' || c == '—') {
				p = '-';
			}
			else if (c == '…') {
				out.append("...");
				continue;
			}
			out.append(isGsm(p) ? p : '?');
		}
		return out.toString();
	}

	public static boolean isGsm(char c) {
		return BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0;
	}

	public static boolean isGsm(String s) {
		return s.chars().allMatch((c) -> isGsm((char) c));
	}

	/** Septets the text takes (extended characters take two). */
	public static int septets(String s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			n += (EXTENDED.indexOf(s.charAt(i)) >= 0) ? 2 : 1;
		}
		return n;
	}

	public static int segments(String s) {
		if (!isGsm(s)) {
			int len = s.length();
			return (len <= 70) ? 1 : (len + 66) / 67;
		}
		int n = septets(s);
		return (n <= 160) ? 1 : (n + 152) / 153;
	}

}
