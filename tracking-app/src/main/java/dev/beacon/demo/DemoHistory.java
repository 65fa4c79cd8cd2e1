package dev.beacon.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import dev.beacon.common.BusinessCalendar;

/**
 * Writes a synthetic delivery history for the demo store (the history-import CSV format),
 * so reports, backtests and the promise engine have something to show: four carriers, a
 * dozen lanes, log-normal-ish transit times with lane and carrier effects, a
 * holiday-season slowdown, a few exceptions, losses and returns, and promises that are
 * kept most of the time.
 */
final class DemoHistory {

	static final String HEADER = "order_number,placed_at,shipped_at,delivered_at,promised_by,origin_region,"
			+ "origin_country,destination_region,destination_postal_code,destination_country,carrier,service,status";

	private static final String[][] DESTINATIONS = { { "CA", "94103" }, { "TX", "78701" }, { "FL", "33101" },
			{ "IL", "60601" }, { "WA", "98101" }, { "GA", "30301" }, { "CO", "80202" }, { "MA", "02108" },
			{ "AZ", "85001" }, { "NY", "10001" }, { "OH", "43004" }, { "TN", "38103" } };

	private static final String[][] SERVICES = { { "ups", "Ground", "3.2" }, { "ups", "2nd Day Air", "1.6" },
			{ "fedex", "Ground", "3.0" }, { "fedex", "Express Saver", "2.0" }, { "usps", "Priority Mail", "2.4" },
			{ "usps", "Ground Advantage", "3.8" }, { "dhl", "Parcel", "4.2" } };

	private DemoHistory() {
	}

	static Path write(int rows, long seed) throws IOException {
		Random random = new Random(seed);
		Path file = Files.createTempFile("beacon-demo-history", ".csv");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(HEADER);
			w.write('\n');
			for (int i = 0; i < rows; i++) {
				String[] dest = DESTINATIONS[random.nextInt(DESTINATIONS.length)];
				String[] svc = SERVICES[random.nextInt(SERVICES.length)];
				LocalDate placedDay = today.minusDays(8 + random.nextInt(300));
				Instant placed = placedDay.atTime(8 + random.nextInt(12), random.nextInt(60)).toInstant(ZoneOffset.UTC);
				double handover = Math.max(0.1, 0.4 + random.nextGaussian() * 0.5 + (random.nextInt(10) == 0 ? 2 : 0));
				Instant shipped = placed.plus(Math.round(handover * 24 * 60), ChronoUnit.MINUTES);
				double base = Double.parseDouble(svc[2]) + laneEffect(dest[0]) + season(placedDay);
				double transit = Math.max(0.6, base * Math.exp(random.nextGaussian() * 0.28));
				LocalDate promise = BusinessCalendar.addBusinessDays(placedDay,
						(int) Math.ceil(Double.parseDouble(svc[2]) + 2), "US");
				int fate = random.nextInt(1000);
				String status;
				Instant delivered = null;
				if (fate < 8) {
					status = "LOST";
				}
				else if (fate < 20) {
					status = "RETURNED";
				}
				else if (fate < 45) {
					status = "EXCEPTION";
					delivered = shipped.plus(Math.round((transit + 2) * 24 * 60), ChronoUnit.MINUTES);
				}
				else {
					status = "DELIVERED";
					delivered = shipped.plus(Math.round(transit * 24 * 60), ChronoUnit.MINUTES);
				}
				if ("EXCEPTION".equals(status)) {
					status = "DELIVERED"; // delivered after an exception on the way
				}
				w.write(String.join(",", "H-" + (100000 + i), placed.toString(), shipped.toString(),
						(delivered != null) ? delivered.toString() : "", promise.toString(), "NY", "US", dest[0],
						dest[1], "US", svc[0], svc[1], status));
				w.write('\n');
			}
		}
		return file;
	}

	private static double laneEffect(String region) {
		return switch (region) {
			case "CA", "WA", "AZ", "CO" -> 1.1;
			case "TX", "FL", "GA" -> 0.5;
			default -> 0.0;
		};
	}

	private static double season(LocalDate day) {
		return (day.getMonthValue() == 12 || (day.getMonthValue() == 11 && day.getDayOfMonth() > 20)) ? 1.2 : 0.0;
	}

}
