package dev.beacon.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.BeaconApplication;
import dev.beacon.carriers.poll.BenchPolls;
import dev.beacon.carriers.poll.CarrierPoller;
import dev.beacon.notify.BenchDispatch;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.TransitionCause;

/**
 * Bench only: drives the application's own code in process against a bench database and
 * prints one tab-separated result line per measurement (the format of bench/run.sh).
 * Usage: InProcessBench <scenario> <round> <seconds> <threads> [scans-per-update|batch]
 * where scenario is ingest, claim, poll or dispatch. Start with the app's usual properties
 * (datasource etc.); the web server takes a random port; polling and dispatch schedules are switched off here.
 */
public final class InProcessBench {

	private InProcessBench() {
	}

	public static void main(String[] args) throws Exception {
		String[] spring = java.util.Arrays.stream(args).filter((a) -> a.startsWith("--")).toArray(String[]::new);
		args = java.util.Arrays.stream(args).filter((a) -> !a.startsWith("--")).toArray(String[]::new);
		String scenario = args[0];
		String round = args[1];
		int seconds = Integer.parseInt(args[2]);
		int threads = Integer.parseInt(args[3]);
		int size = (args.length > 4) ? Integer.parseInt(args[4]) : 10;
		SpringApplication app = new SpringApplication(BeaconApplication.class);
		app.setDefaultProperties(Map.of("server.port", "0", "beacon.carriers.poll.enabled",
				"false", "beacon.notify.dispatcher.enabled", "false", "logging.level.root", "WARN"));
		try (ConfigurableApplicationContext context = app.run(spring)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			String result = switch (scenario) {
				case "ingest" -> {
					ingest(context, jdbc, Math.max(2, seconds / 2), threads, size); // warm-up, not reported
					yield ingest(context, jdbc, seconds, threads, size);
				}
				case "claim" -> {
					BenchPolls polls = new BenchPolls(context);
					yield drain(jdbc, seconds, threads, () -> polls.claim(size));
				}
				case "poll" -> drain(jdbc, seconds, threads, () -> context.getBean(CarrierPoller.class).pollOnce());
				case "dispatch" -> {
					BenchDispatch dispatch = new BenchDispatch(context);
					yield drain(jdbc, seconds, threads, dispatch::runOnce) + ",\"provider_calls\":" + dispatch.sent();
				}
				default -> throw new IllegalArgumentException(scenario);
			};
			System.out.println(round + "\t" + scenario + "\tbeacon\t{" + result + "}");
		}
		System.exit(0);
	}

	/** ShipmentManagement.ingest of {@code size} new scans a call on random live shipments. */
	private static String ingest(ConfigurableApplicationContext context, JdbcTemplate jdbc, int seconds,
			int threads, int size) throws InterruptedException {
		ShipmentManagement shipments = context.getBean(ShipmentManagement.class);
		List<UUID> live = jdbc.queryForList("select s.id from shipments s join public.bench_stores b on b.id = s.store_id "
				+ "and b.k = 1 where s.milestone in ('IN_TRANSIT','PICKED_UP','LABEL_CREATED') limit 20000", UUID.class);
		AtomicLong scans = new AtomicLong();
		AtomicLong calls = new AtomicLong();
		AtomicLong allocated = new AtomicLong();
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
		String xactsSql = "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()";
		Long x0 = jdbc.queryForObject(xactsSql, Long.class);
		long cpu0 = os.getProcessCpuTime();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int worker = t;
			Thread thread = new Thread(() -> {
				long n = 0;
				long a0 = mx.getCurrentThreadAllocatedBytes();
				while (System.nanoTime() < end) {
					UUID id = live.get(ThreadLocalRandom.current().nextInt(live.size()));
					List<RawScan> batch = new ArrayList<>(size);
					Instant at = Instant.now().minusSeconds(3600);
					for (int i = 0; i < size; i++) {
						String key = "ip-" + run + "-" + worker + "-" + n + "-" + i;
						batch.add(new RawScan("I", "Arrived at facility", "{\"bench\":\"" + key + "\"}",
								at.plusSeconds(i), null, null, new ScanLocation("Memphis", "TN", "38103", "US"), key));
					}
					scans.addAndGet(shipments.ingest(id, new CarrierUpdate(batch, null, PollOutcome.OK, "bench"),
							TransitionCause.POLL).newScans());
					calls.incrementAndGet();
					n++;
				}
				allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - a0);
			});
			thread.start();
			workers.add(thread);
		}
		for (Thread w : workers) {
			w.join();
		}
		double secs = (System.nanoTime() - start) / 1e9;
		long cpu = os.getProcessCpuTime() - cpu0;
		Long x1 = jdbc.queryForObject(xactsSql, Long.class);
		long n = Math.max(1, calls.get());
		return String.format(java.util.Locale.ROOT,
				"\"rps\":%.1f,\"calls_per_s\":%.1f,\"scans\":%d,\"seconds\":%.2f,\"unit\":\"scans/s\","
						+ "\"cpu_ms_per_call\":%.2f,\"kb_per_call\":%.1f,\"xacts_per_call\":%.2f",
				scans.get() / secs, calls.get() / secs, scans.get(), secs, cpu / 1e6 / n,
				allocated.get() / 1024.0 / n, (x1 - x0 - 2) / (double) n);
	}

	/**
	 * Runs {@code step} on {@code threads} threads until one answers 0 or {@code seconds}
	 * pass (0: no limit); rate of units claimed.
	 */
	private static String drain(JdbcTemplate jdbc, int seconds, int threads, IntSupplier step)
			throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			step.getAsInt(); // warm-up, not reported
		}
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		String xactsSql = "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()";
		Long x0 = jdbc.queryForObject(xactsSql, Long.class);
		long cpu0 = os.getProcessCpuTime();
		AtomicLong total = new AtomicLong();
		long end = (seconds > 0) ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				int n;
				while (System.nanoTime() < end && (n = step.getAsInt()) > 0) {
					total.addAndGet(n);
				}
			});
			thread.start();
			workers.add(thread);
		}
		for (Thread w : workers) {
			w.join();
		}
		double secs = (System.nanoTime() - start) / 1e9;
		long cpu = os.getProcessCpuTime() - cpu0;
		Thread.sleep(2000); // idle connections report their counts to pg_stat_database within a second
		Long x1 = jdbc.queryForObject(xactsSql, Long.class);
		long rows = Math.max(1, total.get());
		// process CPU (every thread of the JVM) and transactions (autocommit statements count
		// one each; the two reads of the count two) per row
		return String.format(java.util.Locale.ROOT,
				"\"rps\":%.1f,\"claimed\":%d,\"seconds\":%.2f,\"unit\":\"rows/s\",\"cpu_ms_per_row\":%.3f,"
						+ "\"xacts_per_row\":%.3f",
				total.get() / secs, total.get(), secs, cpu / 1e6 / rows, (x1 - x0 - 2) / (double) rows);
	}

}
