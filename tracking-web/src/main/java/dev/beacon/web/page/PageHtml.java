package dev.beacon.web.page;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.web.page.PageModels.Language;
import dev.beacon.web.page.PageModels.ScanRow;
import dev.beacon.web.page.PageModels.Step;

/**
 * The page's repeated rows (scan history, progress steps, language menu) written once in
 * Java, escaped as Thymeleaf's {@code th:text} escapes ({@code & < > " '}), and printed
 * by the templates with {@code th:utext}: the same markup the templates produced element
 * by element, without evaluating five attributes a row on every view
 * (docs/performance.md, issue 13). Every value that reaches the markup goes through
 * {@link #escape}.
 */
final class PageHtml {

	private PageHtml() {
	}

	/** The scan history's list items, newest first as given. */
	static String scans(List<ScanRow> rows) {
		StringBuilder html = new StringBuilder(rows.size() * 160);
		for (ScanRow e : rows) {
			html.append("<li><time data-local datetime=\"");
			escape(e.iso(), html).append("\">");
			escape(e.time(), html).append("</time><span class=\"desc\">");
			escape(e.description(), html).append("</span>");
			if (!e.location().isEmpty()) {
				html.append("<span class=\"loc\">");
				escape(e.location(), html).append("</span>");
			}
			html.append("</li>\n");
		}
		return html.toString();
	}

	/** The five progress steps; the current one is {@code aria-current="step"}. */
	static String steps(List<Step> steps) {
		StringBuilder html = new StringBuilder(steps.size() * 140);
		for (Step st : steps) {
			html.append("<li class=\"");
			escape(st.state(), html).append('"');
			if (st.current()) {
				html.append(" aria-current=\"step\"");
			}
			html.append("><span class=\"dot\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">");
			escape(st.stateLabel(), html).append(": </span><span class=\"lbl\">");
			escape(st.label(), html).append("</span></li>\n");
		}
		return html.toString();
	}

	/**
	 * The language menu's entries, each in its own language ({@code lang},
	 * {@code hreflang}); the current one is {@code aria-current="true"}.
	 */
	static String languages(List<Language> languages) {
		StringBuilder html = new StringBuilder(languages.size() * 120);
		for (Language l : languages) {
			html.append("<li><a href=\"");
			escape(l.href(), html).append("\" hreflang=\"");
			escape(l.tag(), html).append("\" lang=\"");
			escape(l.tag(), html).append('"');
			if (l.current()) {
				html.append(" aria-current=\"true\"");
			}
			html.append('>');
			escape(l.name(), html).append("</a></li>\n");
		}
		return html.toString();
	}

	/**
	 * The current language's name in its own language, as the menu's summary shows it.
	 */
	static String currentLanguage(List<Language> languages) {
		StringBuilder html = new StringBuilder(64);
		for (Language l : languages) {
			if (l.current()) {
				html.append("<span class=\"cur\" lang=\"");
				escape(l.tag(), html).append("\">");
				escape(l.name(), html).append("</span>");
			}
		}
		return html.toString();
	}

	static String escape(@Nullable String text) {
		return (text != null) ? escape(text, new StringBuilder(text.length() + 16)).toString() : "";
	}

	/** Text or attribute value: {@code & < > " '} as {@code th:text} writes them. */
	static StringBuilder escape(@Nullable String text, StringBuilder out) {
		if (text == null) {
			return out;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out;
	}

}
