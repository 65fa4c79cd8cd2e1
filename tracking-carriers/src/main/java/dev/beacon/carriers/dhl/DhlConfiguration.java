package dev.beacon.carriers.dhl;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarriersHttpConfiguration;
import dev.beacon.shipment.MappingTable;

@Configuration(proxyBeanMethods = false)
class DhlConfiguration {

	@Bean
	DhlAdapter dhlAdapter(CarriersHttpConfiguration config, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		return new DhlAdapter(config.dhl(), metrics, json, clock);
	}

	@Bean
	MappingTable dhlMappingTable() {
		return MappingTable.fromClasspath("dhl", "carriers/mapping/dhl.csv");
	}

}
