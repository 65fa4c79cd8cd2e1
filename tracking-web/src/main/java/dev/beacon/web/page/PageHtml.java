package dev.beacon.web.page;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.beacon.web.page.PageModels.CardText;
import dev.beacon.web.page.PageModels.Language;
import dev.beacon.web.page.PageModels.ScanRow;
import dev.beacon.web.page.PageModels.ShipmentCard;
import dev.beacon.web.page.PageModels.Step;
import dev.beacon.web.page.PageModels.Summary;

/**
 * The page's shipment cards and repeated rows (scan history, progress steps, language
 * menu) written once in Java, escaped as Thymeleaf's {@code th:text} escapes
 * ({@code & < > " '}), and printed by the templates with {@code th:utext}: the same
 * markup the templates produced element by element, without evaluating five attributes a
 * row on every view (docs/performance.md, issue 13). Every value that reaches the markup
 * goes through {@link #escape}.
 */
final class PageHtml {

	private PageHtml() {
	}

	/**
	 * A shipment card's content, the markup {@code shipment.html} wrote: its title (with
	 * a status block of its own when {@code multi}), the progress line, carrier and
	 * tracking number, the carrier's link (opens in a new tab, said in words) and the
	 * scan history with its time-zone note.
	 */
	static String card(ShipmentCard c, boolean multi) {
		CardText t = c.text();
		Summary s = c.summary();
		StringBuilder html = new StringBuilder(2048 + c.scans().size() * 180);
		html.append("<h2 id=\"s-");
		escape(c.id(), html).append("\">");
		escape(multi ? t.packageOf() : t.title(), html).append("</h2>\n");
		if (multi) {
			html.append("<div class=\"status ");
			escape(s.toneCss(), html)
				.append("\">\n<p class=\"tone\"><span class=\"icon\" aria-hidden=\"true\"></span><span>");
			escape(s.toneLabel(), html).append("</span></p>\n<p class=\"headline\">");
			escape(s.headline(), html).append("</p>\n<p>");
			escape(s.next(), html).append("</p>\n");
			if (s.window() != null) {
				html.append("<p class=\"window\"");
				attribute("data-local-when", s.windowIso(), html);
				attribute("data-local-text", s.windowLocal(), html);
				html.append('>');
				escape(s.window(), html).append("</p>\n");
			}
			paragraph("sure", s.windowSure(), html);
			paragraph("note", s.windowNote(), html);
			if (s.todo() != null) {
				html.append("<p class=\"todo-inline\"><strong>");
				escape(t.todoTitle(), html).append("</strong> <span>");
				escape(s.todo(), html).append("</span></p>\n");
			}
			html.append("</div>\n");
		}
		html.append("<h3 class=\"visually-hidden\" id=\"p-");
		escape(c.id(), html).append("\">");
		escape(t.timeline(), html).append("</h3>\n<ol class=\"timeline\" aria-labelledby=\"p-");
		escape(c.id(), html).append("\">");
		html.append(steps(c.steps())).append("</ol>\n<dl class=\"facts\">\n<div><dt>");
		escape(t.carrier(), html).append("</dt><dd>");
		escape(c.carrierName(), html).append("</dd></div>\n<div><dt>");
		escape(t.trackingNumber(), html).append("</dt><dd class=\"mono\">");
		escape(c.trackingNumber(), html).append("</dd></div>\n</dl>\n");
		if (c.carrierUrl() != null) {
			html.append("<p><a class=\"ext\" href=\"");
			escape(c.carrierUrl(), html).append("\" target=\"_blank\" rel=\"noopener noreferrer\"><span>");
			escape(c.carrierLinkText(), html).append("</span><span class=\"visually-hidden\"> ");
			escape(t.opensNewTab(), html).append("</span></a></p>\n");
		}
		html.append("<h3>");
		escape(t.history(), html).append("</h3>\n");
		if (c.scans().isEmpty()) {
			html.append("<p>");
			escape(t.empty(), html).append("</p>\n");
		}
		else {
			html.append("<p class=\"hint\" data-local-note=\"");
			escape(t.localNote(), html).append("\">");
			escape(c.zoneNote(), html).append("</p>\n<ol class=\"scans\">");
			html.append(scans(c.scans())).append("</ol>\n");
		}
		return html.toString();
	}

	private static void attribute(String name, @Nullable String value, StringBuilder html) {
		if (value != null) {
			html.append(' ').append(name).append("=\"");
			escape(value, html).append('"');
		}
	}

	private static void paragraph(String css, @Nullable String text, StringBuilder html) {
		if (text != null) {
			html.append("<p class=\"").append(css).append("\">");
			escape(text, html).append("</p>\n");
		}
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
