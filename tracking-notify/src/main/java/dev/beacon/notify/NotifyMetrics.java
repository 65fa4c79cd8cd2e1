package dev.beacon.notify;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivery metrics: {@code beacon.notify.messages} (counter; tags outcome = sent, failed,
 * retried, suppressed, not_configured, expired, skipped, uncertain; channel; trigger) and
 * {@code beacon.notify.latency} (timer from the status change to the provider's
 * acceptance; channel, trigger). On Prometheus: {@code beacon_notify_messages_total},
 * {@code beacon_notify_latency_seconds}.
 */
@Component
class NotifyMetrics {

	private final MeterRegistry registry;

	NotifyMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
	}

	void outcome(String outcome, OutboxMessage m) {
		this.registry
			.counter("beacon.notify.messages", "outcome", outcome, "channel", tag(m.channel().name()), "trigger",
					tag(m.trigger().name()))
			.increment();
	}

	void latency(OutboxMessage m, Duration latency) {
		Timer.builder("beacon.notify.latency")
			.description("From the status change to the provider accepting the message")
			.tags("channel", tag(m.channel().name()), "trigger", tag(m.trigger().name()))
			.publishPercentileHistogram()
			.register(this.registry)
			.record(latency.isNegative() ? Duration.ZERO : latency);
	}

	private static String tag(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

}
