package dev.beacon.carriers.sandbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.beacon.shipment.MappingTable;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

	@Bean
	MappingTable sandboxMappingTable() {
		return MappingTable.fromClasspath("sandbox", "carriers/mapping/sandbox.csv");
	}

}
