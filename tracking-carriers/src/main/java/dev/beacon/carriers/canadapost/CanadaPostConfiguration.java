package dev.beacon.carriers.canadapost;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarrierSettings;
import dev.beacon.shipment.MappingTable;

/**
 * Canada Post's adapter and mapping table. Settings: {@code beacon.carriers.canadapost.*}
 * ({@code client-id} is the API key's user name, {@code client-secret} its password,
 * {@code base-url} defaults to production; the development host is
 * {@code https://ct.soa-gw.canadapost.ca}).
 */
@Configuration(proxyBeanMethods = false)
class CanadaPostConfiguration {

	@Bean
	CanadaPostAdapter canadaPostAdapter(Environment env, CarrierMetrics metrics, JsonMapper json,
			ObjectProvider<Clock> clock) {
		CarrierSettings settings = Binder.get(env)
			.bind("beacon.carriers.canadapost", CarrierSettings.class)
			.orElse(CarrierSettings.empty());
		return new CanadaPostAdapter(settings, metrics, json, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	MappingTable canadaPostMappingTable() {
		return MappingTable.fromClasspath("canadapost", "carriers/mapping/canadapost.csv");
	}

}
