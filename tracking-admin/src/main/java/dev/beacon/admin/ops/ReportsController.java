package dev.beacon.admin.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsolePage;
import dev.beacon.promise.DeliverySample;
import dev.beacon.promise.PromiseBacktest;
import dev.beacon.promise.PromiseEngine;
import dev.beacon.store.Store;

/**
 * Console pages for OPS and ADMIN: delivery performance (with CSV) and promise backtest.
 */
@Controller
@EnableConfigurationProperties(ReportSettings.class)
class ReportsController implements ConsolePage {

	private final ConsoleAccess access;

	private final DeliveryPerformance performance;

	private final PromiseEngine engine;

	private final Clock clock;

	private final ReportSettings settings;

	ReportsController(ConsoleAccess access, DeliveryPerformance performance, PromiseEngine engine, Clock clock,
			ReportSettings settings) {
		this.clock = clock;
		this.settings = settings;
		this.access = access;
		this.performance = performance;
		this.engine = engine;
	}

	@GetMapping({ "/console/reports", "/console/reports/delivery-performance" })
	String report(@RequestParam(required = false) @Nullable UUID storeId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "carrier") String groupBy, Model model) {
		Store store = this.access.storeOrDefault(storeId);
		Range range = Range.of(from, to, LocalDate.now(this.clock));
		GroupBy group = GroupBy.parse(groupBy);
		List<PerformanceRow> rows = this.performance.report(store.getId(), range.from(), range.to(), group);
		List<PerformanceRow> total = this.performance.report(store.getId(), range.from(), range.to(), GroupBy.ALL);
		double maxDays = rows.stream()
			.map((r) -> Objects.requireNonNullElse(r.p90TransitDays(), 0.0))
			.max(Double::compare)
			.orElse(1.0);
		model.addAttribute("store", store);
		model.addAttribute("stores", this.access.stores());
		model.addAttribute("from", range.from());
		model.addAttribute("to", range.to());
		model.addAttribute("groupBy", group.param());
		model.addAttribute("rows", rows);
		model.addAttribute("total", total.isEmpty() ? null : total.get(0));
		model.addAttribute("onTimeChart",
				SvgCharts.bars("On-time rate against the promise", rows, PerformanceRow::onTimeRate, null, 1.0, "%"));
		model.addAttribute("transitChart", SvgCharts.bars("Handover to delivery, days (median / p90)", rows,
				PerformanceRow::medianTransitDays, PerformanceRow::p90TransitDays, Math.ceil(maxDays), " d"));
		model.addAttribute("exceptionChart", SvgCharts.bars("Exception rate", rows, PerformanceRow::exceptionRate, null,
				Math.max(0.05, rows.stream().mapToDouble(PerformanceRow::exceptionRate).max().orElse(0)), "%"));
		return "console/reports";
	}

	@GetMapping("/console/reports/delivery-performance.csv")
	void csv(@RequestParam(required = false) @Nullable UUID storeId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "carrier") String groupBy, HttpServletResponse response) throws IOException {
		Store store = this.access.storeOrDefault(storeId);
		Range range = Range.of(from, to, LocalDate.now(this.clock));
		GroupBy group = GroupBy.parse(groupBy);
		List<PerformanceRow> rows = this.performance.report(store.getId(), range.from(), range.to(), group);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"delivery-performance-" + store.getSlug() + "-"
				+ range.from() + "-" + range.to() + "-" + group.param() + ".csv\"");
		PrintWriter out = response.getWriter();
		out.print(Csv.header());
		for (PerformanceRow r : rows) {
			out.print(Csv.line(r));
		}
		out.flush();
	}

	@GetMapping("/console/reports/promises")
	String promises(@RequestParam(required = false) @Nullable UUID storeId, Model model) {
		Store store = this.access.storeOrDefault(storeId);
		LocalDate since = LocalDate.now(this.clock.withZone(store.getTimeZone()))
			.minusMonths(this.settings.backtestMonths());
		int max = this.settings.backtestMaxParcels();
		List<DeliverySample> history = this.engine.latestHistory(store.getId(),
				since.atStartOfDay(store.getTimeZone()).toInstant(), max);
		model.addAttribute("store", store);
		model.addAttribute("stores", this.access.stores());
		model.addAttribute("samples", history.size());
		model.addAttribute("since", since);
		model.addAttribute("months", this.settings.backtestMonths());
		model.addAttribute("maxSamples", max);
		model.addAttribute("capped", history.size() >= max);
		model.addAttribute("results",
				List.of(80, 90, 95, store.getTargetReliability())
					.stream()
					.distinct()
					.sorted()
					.map((t) -> PromiseBacktest.run(history, 0.7, t / 100.0, 30))
					.toList());
		model.addAttribute("target", store.getTargetReliability());
		return "console/promises";
	}

	/** A date range, by default the last 30 days. */
	record Range(LocalDate from, LocalDate to) {

		static Range of(@Nullable String from, @Nullable String to, LocalDate today) {
			try {
				LocalDate t = (to == null || to.isBlank()) ? today : LocalDate.parse(to.strip());
				LocalDate f = (from == null || from.isBlank()) ? t.minusDays(29) : LocalDate.parse(from.strip());
				return new Range(f, t);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("from and to must be dates like 2025-03-31");
			}
		}

	}

	/** CSV of report rows: the API's field names as the header. */
	static final class Csv {

		private Csv() {
		}

		static String header() {
			return "key,shipments,delivered,onTimeRate,medianDaysToShip,p90DaysToShip,medianTransitDays,"
					+ "p90TransitDays,exceptionRate,lostRate,wismoPer100Orders,orders\r\n";
		}

		static String line(PerformanceRow r) {
			return String.join(",", cell(r.key()), String.valueOf(r.shipments()), String.valueOf(r.delivered()),
					num(r.onTimeRate()), num(r.medianDaysToShip()), num(r.p90DaysToShip()), num(r.medianTransitDays()),
					num(r.p90TransitDays()), num(r.exceptionRate()), num(r.lostRate()), num(r.wismoPer100Orders()),
					String.valueOf(r.orders())) + "\r\n";
		}

		private static String num(@Nullable Double d) {
			return (d == null) ? "" : String.format(Locale.ROOT, "%s", d);
		}

		static String cell(String s) {
			// no formula injection in spreadsheets: the first character decides, whatever
			// follows (a line break included)
			String safe = (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) ? "'" + s : s;
			if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
				return "\"" + safe.replace("\"", "\"\"") + "\"";
			}
			return safe;
		}

	}

}
