package dev.beacon.carriers.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.carriers.accounts.CarrierAccounts;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.common.BackgroundLoops;
import dev.beacon.shipment.ShipmentManagement;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollProperties.class)
class PollConfiguration {

	@Bean
	PollQueue pollQueue(NamedParameterJdbcTemplate jdbc) {
		return new PollQueue(jdbc);
	}

	/** The loop that runs the poller's ticks (where polling is enabled). */
	static final String LOOP = "carrier-poller";

	/**
	 * The poller; where {@code beacon.carriers.poll.enabled}, its ticks run as the
	 * {@value #LOOP} loop of core's {@link BackgroundLoops} (every
	 * {@code beacon.carriers.poll.tick}, at least 100 ms).
	 */
	@Bean
	CarrierPoller carrierPoller(ShipmentManagement shipments, List<CarrierAdapter> adapters, CarrierMetrics metrics,
			PollProperties properties, Clock clock, PollQueue queue, BackgroundLoops loops,
			@Nullable CarrierAccounts accounts, ObjectProvider<PollFallback> fallback) {
		CarrierPoller poller = new CarrierPoller("main", shipments, adapters, metrics, properties, clock, queue,
				accounts, fallback.getIfAvailable(() -> PollFallback.NONE));
		if (properties.enabled()) {
			loops.register(LOOP, max(properties.tick(), Duration.ofMillis(100)), poller::tick);
			poller.logUnconfigured();
		}
		return poller;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
