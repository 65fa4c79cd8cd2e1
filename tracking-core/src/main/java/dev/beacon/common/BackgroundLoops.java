package dev.beacon.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The one way Beacon runs background work ("a loop": the notification dispatcher, the
 * webhook dispatcher, scheduled checks). Each loop gets its own thread, so one stuck loop
 * (a silent SMTP server, a blackholed webhook endpoint) never stops another; a run that
 * throws anything, {@link Error}s included, is logged and the loop goes on. Each loop
 * records its last successful run, exposed as the gauge {@code beacon.loop.last.success}
 * (epoch seconds, tag {@code loop}) and read by the {@code loops} health contributor: a
 * loop is overdue when it has not completed a run for
 * {@code beacon.loops.down-after-intervals} intervals (at least
 * {@code beacon.loops.down-after-at-least}), counted from the instance's start.
 * <p>
 * Register loops while the application starts; they run from the moment the context is
 * started until it stops, except where {@code beacon.loops.enabled=false} (the
 * command-line tools): there nothing runs.
 */
@Component
@EnableConfigurationProperties(BackgroundLoops.Settings.class)
public class BackgroundLoops implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BackgroundLoops.class);

	/**
	 * @param downAfterIntervals missed intervals after which a loop counts as overdue
	 * @param downAfterAtLeast the shortest time after which a loop counts as overdue
	 * @param enabled whether registered loops run at all (off in the command-line tools)
	 */
	@ConfigurationProperties("beacon.loops")
	record Settings(@DefaultValue("10") int downAfterIntervals, @DefaultValue("5m") Duration downAfterAtLeast,
			@DefaultValue("true") boolean enabled) {
	}

	private final List<Loop> loops = new CopyOnWriteArrayList<>();

	private final Clock clock;

	private final MeterRegistry meters;

	private final Settings settings;

	private volatile boolean running;

	@Autowired
	BackgroundLoops(Clock clock, ObjectProvider<MeterRegistry> meters, Settings settings) {
		this.clock = clock;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		this.settings = settings;
	}

	/** Loops outside a Spring context (tools and tests). */
	public static BackgroundLoops of(Clock clock, MeterRegistry meters, int downAfterIntervals,
			Duration downAfterAtLeast) {
		return new BackgroundLoops(clock, meters, new Settings(downAfterIntervals, downAfterAtLeast, true));
	}

	private BackgroundLoops(Clock clock, MeterRegistry meters, Settings settings) {
		this.clock = clock;
		this.meters = meters;
		this.settings = settings;
	}

	/** Registers a loop that runs {@code body} with {@code interval} between runs. */
	public Loop register(String name, Duration interval, Runnable body) {
		Loop loop = new Loop(name, interval, body);
		this.loops.add(loop);
		Gauge.builder("beacon.loop.last.success", loop, (l) -> {
			Instant last = l.lastSuccess;
			return (last != null) ? last.getEpochSecond() : 0;
		}).tag("loop", name).description("When the loop last completed a run (epoch seconds)").register(this.meters);
		if (this.running) {
			loop.start();
		}
		return loop;
	}

	public List<Loop> loops() {
		return List.copyOf(this.loops);
	}

	/**
	 * Loops that have not completed a run for too long (see the class comment); empty
	 * when all are well.
	 */
	public List<Loop> overdue() {
		Instant now = this.clock.instant();
		return this.loops.stream().filter((l) -> l.overdue(now)).toList();
	}

	@Override
	public void start() {
		if (!this.settings.enabled()) {
			return;
		}
		this.running = true;
		this.loops.forEach(Loop::start);
	}

	@Override
	public void stop() {
		this.running = false;
		this.loops.forEach(Loop::stop);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One background loop: its own thread, its own record of success. */
	public final class Loop {

		private final String name;

		private final Duration interval;

		private final Runnable body;

		private volatile @Nullable ScheduledExecutorService executor;

		private volatile @Nullable Instant startedAt;

		private volatile @Nullable Instant lastSuccess;

		private volatile @Nullable Instant runningSince;

		Loop(String name, Duration interval, Runnable body) {
			this.name = name;
			this.interval = interval;
			this.body = body;
		}

		public String name() {
			return this.name;
		}

		public Duration interval() {
			return this.interval;
		}

		public @Nullable Instant lastSuccess() {
			return this.lastSuccess;
		}

		/** When the current run began, or null between runs. */
		public @Nullable Instant runningSince() {
			return this.runningSince;
		}

		/**
		 * Whether the loop has not completed a run for too long; a loop not started yet
		 * (or an instance just started) is not overdue.
		 */
		public boolean overdue(Instant now) {
			Instant since = (this.lastSuccess != null) ? this.lastSuccess : this.startedAt;
			if (since == null) {
				return false;
			}
			Duration limit = this.interval.multipliedBy(BackgroundLoops.this.settings.downAfterIntervals());
			if (limit.compareTo(BackgroundLoops.this.settings.downAfterAtLeast()) < 0) {
				limit = BackgroundLoops.this.settings.downAfterAtLeast();
			}
			return now.isAfter(since.plus(limit));
		}

		/** Runs the body once on the caller's thread, recording the outcome as a run. */
		public void runOnce() {
			this.runningSince = BackgroundLoops.this.clock.instant();
			try {
				this.body.run();
				this.lastSuccess = BackgroundLoops.this.clock.instant();
			}
			catch (Throwable ex) {
				BackgroundLoops.this.meters.counter("beacon.loop.failures", "loop", this.name).increment();
				log.error("Background loop '{}' failed; it runs again in {}: {}", this.name, this.interval,
						ex.toString(), ex);
			}
			finally {
				this.runningSince = null;
			}
		}

		synchronized void start() {
			if (this.executor != null) {
				return;
			}
			this.startedAt = BackgroundLoops.this.clock.instant();
			ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor((r) -> {
				Thread t = new Thread(r, "beacon-loop-" + this.name);
				t.setDaemon(true);
				return t;
			});
			long millis = Math.max(1, this.interval.toMillis());
			ex.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
			this.executor = ex;
		}

		synchronized void stop() {
			ScheduledExecutorService ex = this.executor;
			if (ex != null) {
				ex.shutdownNow();
				this.executor = null;
			}
		}

	}

}
