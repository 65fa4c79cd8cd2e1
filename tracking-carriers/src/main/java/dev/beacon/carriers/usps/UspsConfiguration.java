package dev.beacon.carriers.usps;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarriersHttpConfiguration;
import dev.beacon.shipment.MappingTable;

@Configuration(proxyBeanMethods = false)
class UspsConfiguration {

	@Bean
	UspsAdapter uspsAdapter(CarriersHttpConfiguration config, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		return new UspsAdapter(config.usps(), metrics, json, clock);
	}

	@Bean
	MappingTable uspsMappingTable() {
		return MappingTable.fromClasspath("usps", "carriers/mapping/usps.csv");
	}

}
