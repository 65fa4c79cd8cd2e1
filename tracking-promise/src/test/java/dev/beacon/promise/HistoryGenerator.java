package dev.beacon.promise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Generates delivery history CSV for tests and benchmarks: a few lanes with their own
 * business-day transit distributions, a peak season that adds days, promises the store
 * gave (order date + 5 days), and rare lost parcels.
 */
public final class HistoryGenerator {

	public static final String HEADER = "order_number,placed_at,shipped_at,delivered_at,promised_by,origin_region,"
			+ "origin_country,destination_region,destination_postal_code,destination_country,carrier,service,status";

	private static final String[][] LANES = { { "CA", "CA", "ups", "ground" }, { "CA", "NY", "ups", "ground" },
			{ "CA", "TX", "fedex", "express" }, { "CA", "FL", "usps", "priority" }, { "CA", "WA", "ups", "ground" } };

	private HistoryGenerator() {
	}

	public static String csv(int rows, long seed, LocalDate start, String prefix) {
		StringBuilder sb = new StringBuilder(HEADER).append('\n');
		Random random = new Random(seed);
		for (int i = 0; i < rows; i++) {
			String[] lane = LANES[i % LANES.length];
			LocalDate placed = start.plusDays(random.nextInt(300));
			int handling = (random.nextDouble() < 0.8) ? 1 : 2;
			int base = switch (lane[1]) {
				case "CA" -> 1;
				case "NY" -> 4;
				case "TX" -> 2;
				case "FL" -> 3;
				default -> 2;
			};
			int transit = base + (int) Math.round(Math.abs(random.nextGaussian()) * 1.5);
			boolean peak = (placed.getMonthValue() == 12);
			if (peak) {
				transit += 2;
			}
			LocalDate shipped = plusBusiness(placed, handling);
			LocalDate delivered = plusBusiness(shipped, transit);
			boolean lost = random.nextDouble() < 0.01;
			sb.append(prefix)
				.append(i)
				.append(',')
				.append(placed.atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.UTC))
				.append(',')
				.append(shipped.atTime(LocalTime.of(16, 0)).atOffset(ZoneOffset.UTC))
				.append(',')
				.append(lost ? "" : delivered.atTime(LocalTime.of(14, 0)).atOffset(ZoneOffset.UTC))
				.append(',')
				.append(placed.plusDays(5))
				.append(',')
				.append(lane[0])
				.append(",US,")
				.append(lane[1])
				.append(",9000")
				.append(i % 10)
				.append(",US,")
				.append(lane[2])
				.append(',')
				.append(lane[3])
				.append(',')
				.append(lost ? "lost" : "delivered")
				.append('\n');
		}
		return sb.toString();
	}

	private static LocalDate plusBusiness(LocalDate d, int days) {
		LocalDate r = d;
		int added = 0;
		while (added < days) {
			r = r.plusDays(1);
			if (r.getDayOfWeek() != DayOfWeek.SATURDAY && r.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return r;
	}

}
