package dev.beacon.carriers.easypost;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.common.BackgroundLoops;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.sources.SourceRegistrations;
import dev.beacon.shipment.ShipmentManagement;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EasyPostProperties.class)
class EasyPostConfiguration {

	@Bean
	EasyPostTrackers easyPostTrackers(EasyPostProperties properties, NamedParameterJdbcTemplate jdbc,
			ShipmentManagement shipments, List<CarrierAdapter> adapters, JsonMapper json, ObjectProvider<Clock> clock,
			BackgroundLoops loops) {
		EasyPostTrackers trackers = new EasyPostTrackers(properties,
				new SourceRegistrations(jdbc, EasyPostTrackers.SOURCE), shipments, adapters, json,
				clock.getIfAvailable(Clock::systemUTC));
		trackers.registerOn(loops);
		return trackers;
	}

}
