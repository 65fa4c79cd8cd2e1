package dev.beacon.shipment;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One row of a carrier's mapping table: a raw code (or {@code *}), optionally narrowed by
 * a case-insensitive pattern over the raw text, and what it means.
 */
public record MappingRule(String ruleId, String code, @Nullable Pattern textPattern, Normalization result) {

	boolean matches(String rawCode, String rawText) {
		boolean codeMatches = "*".equals(this.code) || this.code.equalsIgnoreCase(rawCode);
		return codeMatches && (this.textPattern == null || this.textPattern.matcher(rawText).find());
	}

	String matchKey() {
		return this.code.toUpperCase(Locale.ROOT) + "|"
				+ ((this.textPattern != null) ? this.textPattern.pattern() : "");
	}

}
