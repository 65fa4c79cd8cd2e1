package dev.beacon.carriers.ups;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarriersHttpConfiguration;
import dev.beacon.shipment.MappingTable;

@Configuration(proxyBeanMethods = false)
class UpsConfiguration {

	@Bean
	UpsAdapter upsAdapter(CarriersHttpConfiguration config, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		return new UpsAdapter(config.ups(), metrics, json, clock);
	}

	@Bean
	MappingTable upsMappingTable() {
		return MappingTable.fromClasspath("ups", "carriers/mapping/ups.csv");
	}

}
