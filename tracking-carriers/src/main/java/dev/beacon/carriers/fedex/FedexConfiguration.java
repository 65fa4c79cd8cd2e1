package dev.beacon.carriers.fedex;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarriersHttpConfiguration;
import dev.beacon.shipment.MappingTable;

@Configuration(proxyBeanMethods = false)
class FedexConfiguration {

	@Bean
	FedexAdapter fedexAdapter(CarriersHttpConfiguration config, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		return new FedexAdapter(config.fedex(), metrics, json, clock);
	}

	@Bean
	MappingTable fedexMappingTable() {
		return MappingTable.fromClasspath("fedex", "carriers/mapping/fedex.csv");
	}

}
