package dev.beacon.admin.ops;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Small server-rendered SVG bar charts (no client framework). Every label is escaped; the
 * chart carries a title and description for screen readers, and the page shows the same
 * numbers as a table.
 */
final class SvgCharts {

	private static final int LABEL_WIDTH = 150;

	private static final int BAR_WIDTH = 330;

	private static final int ROW = 26;

	private SvgCharts() {
	}

	/**
	 * Horizontal bars, one or two series per row.
	 * @param series1 first value per row (drawn dark)
	 * @param series2 optional second value per row (drawn light, behind)
	 */
	static String bars(String title, List<PerformanceRow> rows, Function<PerformanceRow, @Nullable Double> series1,
			@Nullable Function<PerformanceRow, @Nullable Double> series2, double max, String unit) {
		int shown = Math.min(rows.size(), 25);
		int height = 30 + shown * ROW + 10;
		int width = LABEL_WIDTH + BAR_WIDTH + 90;
		double scale = (max <= 0) ? 1 : max;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" aria-labelledby=\"t-")
			.append(id(title))
			.append("\"><title id=\"t-")
			.append(id(title))
			.append("\">")
			.append(escape(title))
			.append("</title>");
		svg.append("<text x=\"0\" y=\"16\" class=\"chart-title\">").append(escape(title)).append("</text>");
		for (int i = 0; i < shown; i++) {
			PerformanceRow r = rows.get(i);
			int y = 30 + i * ROW;
			svg.append("<text x=\"")
				.append(LABEL_WIDTH - 6)
				.append("\" y=\"")
				.append(y + 16)
				.append("\" text-anchor=\"end\" class=\"chart-label\">")
				.append(escape(abbreviate(r.key())))
				.append("</text>");
			Double b = (series2 != null) ? series2.apply(r) : null;
			if (b != null) {
				svg.append(rect(y + 2, b / scale, "bar-2"));
			}
			Double a = series1.apply(r);
			if (a != null) {
				svg.append(rect((b != null) ? y + 7 : y + 2, a / scale, "bar-1"));
			}
			svg.append("<text x=\"")
				.append(LABEL_WIDTH + BAR_WIDTH + 6)
				.append("\" y=\"")
				.append(y + 16)
				.append("\" class=\"chart-value\">")
				.append(escape(format(a, unit) + ((b != null) ? " / " + format(b, unit) : "")))
				.append("</text>");
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static String rect(int y, double fraction, String cls) {
		double f = Math.max(0, Math.min(1, fraction));
		int w = (int) Math.round(f * BAR_WIDTH);
		return "<rect x=\"" + LABEL_WIDTH + "\" y=\"" + y + "\" width=\"" + Math.max(w, 1) + "\" height=\""
				+ (cls.equals("bar-2") ? 18 : 8 + (cls.equals("bar-1") ? 6 : 0)) + "\" class=\"" + cls + "\"/>";
	}

	static String format(@Nullable Double v, String unit) {
		if (v == null) {
			return "–";
		}
		if (unit.equals("%")) {
			return String.format(Locale.ROOT, "%.1f%%", v * 100);
		}
		return String.format(Locale.ROOT, "%.1f%s", v, unit);
	}

	private static String abbreviate(String s) {
		return (s.length() > 22) ? s.substring(0, 21) + "…" : s;
	}

	private static String id(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
