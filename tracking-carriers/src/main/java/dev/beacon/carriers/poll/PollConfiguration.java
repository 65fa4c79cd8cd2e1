package dev.beacon.carriers.poll;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.shipment.ShipmentManagement;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollProperties.class)
class PollConfiguration {

	@Bean
	CarrierPoller carrierPoller(ShipmentManagement shipments, List<CarrierAdapter> adapters, CarrierMetrics metrics,
			PollProperties properties, ObjectProvider<Clock> clock, JdbcTemplate jdbc) {
		return new CarrierPoller("main", shipments, adapters, metrics, properties,
				clock.getIfAvailable(Clock::systemUTC), jdbc);
	}

}
