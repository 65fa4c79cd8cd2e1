package dev.beacon.carriers.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.beacon.shipment.PollOutcome;

/**
 * Per-carrier metrics on Micrometer: {@code beacon.carrier.requests},
 * {@code beacon.carrier.errors} (tag {@code kind}), {@code beacon.carrier.latency},
 * {@code beacon.carrier.scans.ingested} and the gauge {@code beacon.carrier.queue.lag}
 * (seconds the oldest due shipment has waited).
 */
@Component
public class CarrierMetrics {

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

	public CarrierMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
	}

	public static CarrierMetrics standalone() {
		return new CarrierMetrics(new org.springframework.beans.factory.support.StaticListableBeanFactory()
			.getBeanProvider(MeterRegistry.class));
	}

	public MeterRegistry registry() {
		return this.registry;
	}

	/**
	 * Registers a carrier's meters at zero so they appear in Prometheus before the first
	 * call (the sandbox and unconfigured carriers make none): requests, latency, scans,
	 * queue lag, and errors of the kinds operators alert on.
	 */
	public void register(String carrier) {
		this.registry.counter("beacon.carrier.requests", "carrier", carrier);
		Timer.builder("beacon.carrier.latency").tag("carrier", carrier).register(this.registry);
		this.registry.counter("beacon.carrier.scans.ingested", "carrier", carrier);
		for (PollOutcome kind : new PollOutcome[] { PollOutcome.RATE_LIMITED, PollOutcome.SERVER_ERROR,
				PollOutcome.TIMEOUT, PollOutcome.AUTH_FAILED, PollOutcome.MALFORMED }) {
			this.registry.counter("beacon.carrier.errors", "carrier", carrier, "kind", kind.name().toLowerCase());
		}
		queueLag(carrier, 0);
	}

	public void request(String carrier, Duration latency) {
		this.registry.counter("beacon.carrier.requests", "carrier", carrier).increment();
		Timer.builder("beacon.carrier.latency")
			.tag("carrier", carrier)
			.register(this.registry)
			.record(latency.toNanos(), TimeUnit.NANOSECONDS);
	}

	public void error(String carrier, PollOutcome kind) {
		this.registry.counter("beacon.carrier.errors", "carrier", carrier, "kind", kind.name().toLowerCase())
			.increment();
	}

	public void scansIngested(String carrier, int count) {
		this.registry.counter("beacon.carrier.scans.ingested", "carrier", carrier).increment(count);
	}

	public void queueLag(String carrier, long seconds) {
		this.lag.computeIfAbsent(carrier, (c) -> {
			AtomicLong holder = new AtomicLong();
			Gauge.builder("beacon.carrier.queue.lag", holder, AtomicLong::get)
				.tag("carrier", c)
				.baseUnit("seconds")
				.register(this.registry);
			return holder;
		}).set(Math.max(0, seconds));
	}

}
