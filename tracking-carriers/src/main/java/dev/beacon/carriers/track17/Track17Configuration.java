package dev.beacon.carriers.track17;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.common.BackgroundLoops;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.sources.SourceRegistrations;
import dev.beacon.shipment.MappingTable;
import dev.beacon.shipment.ShipmentManagement;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Track17Properties.class)
class Track17Configuration {

	@Bean
	Track17Source track17Source(Track17Properties properties, JsonMapper json, NamedParameterJdbcTemplate jdbc,
			ShipmentManagement shipments, List<CarrierAdapter> adapters, ObjectProvider<Clock> clock,
			@Value("${beacon.carriers.easypost.api-key:}") String easyPostKey, BackgroundLoops loops) {
		// stores whose EasyPost account creates trackers are followed by EasyPost, not
		// 17TRACK
		SourceRegistrations.Stores stores = easyPostKey.isBlank() ? SourceRegistrations.Stores.ALL
				: SourceRegistrations.Stores.WITHOUT_EASYPOST;
		Track17Source source = new Track17Source(properties, new Track17Client(properties, json),
				new SourceRegistrations(jdbc, Track17Source.TABLE), stores, shipments, adapters,
				clock.getIfAvailable(Clock::systemUTC));
		source.registerOn(loops);
		return source;
	}

	@Bean
	AggregatorFallback aggregatorFallback(Track17Properties properties, NamedParameterJdbcTemplate jdbc,
			Environment env, ObjectProvider<Clock> clock) {
		return new AggregatorFallback(properties, new SourceRegistrations(jdbc, Track17Source.TABLE), env,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	MappingTable track17MappingTable() {
		return MappingTable.fromClasspath(Track17Source.TABLE, "carriers/mapping/17track.csv");
	}

}
