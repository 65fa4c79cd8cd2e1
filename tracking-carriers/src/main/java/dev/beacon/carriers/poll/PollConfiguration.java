package dev.beacon.carriers.poll;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.carriers.accounts.CarrierAccounts;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.shipment.ShipmentManagement;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollProperties.class)
class PollConfiguration {

	@Bean
	PollQueue pollQueue(NamedParameterJdbcTemplate jdbc) {
		return new PollQueue(jdbc);
	}

	@Bean
	CarrierPoller carrierPoller(ShipmentManagement shipments, List<CarrierAdapter> adapters, CarrierMetrics metrics,
			PollProperties properties, Clock clock, PollQueue queue, CarrierAccounts accounts,
			ObjectProvider<PollFallback> fallback) {
		return new CarrierPoller("main", shipments, adapters, metrics, properties, clock, queue, accounts,
				fallback.getIfAvailable(() -> PollFallback.NONE));
	}

}
