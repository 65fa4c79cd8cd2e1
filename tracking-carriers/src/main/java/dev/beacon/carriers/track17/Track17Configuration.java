package dev.beacon.carriers.track17;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.shipment.MappingTable;
import dev.beacon.shipment.ShipmentManagement;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Track17Properties.class)
class Track17Configuration {

	@Bean
	Track17Source track17Source(Track17Properties properties, JsonMapper json, NamedParameterJdbcTemplate jdbc,
			ShipmentManagement shipments, List<CarrierAdapter> adapters, ObjectProvider<Clock> clock) {
		return new Track17Source(properties, new Track17Client(properties, json), new Track17Registrations(jdbc),
				shipments, adapters, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	MappingTable track17MappingTable() {
		return MappingTable.fromClasspath(Track17Source.TABLE, "carriers/mapping/17track.csv");
	}

}
