package dev.beacon;

import dev.beacon.shipment.MappingTable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Boot configuration for tracking-promise tests: core and the promise module, the sandbox
 * mapping table, and an /api/** chain (the app's real one authenticates API keys; tests
 * attach the StorePrincipal themselves).
 */
@SpringBootApplication
public class PromiseTestApplication {

	@Bean
	MappingTable promiseSandboxTable() {
		return MappingTable.fromClasspath("sandbox", "normalization/promise-sandbox.csv");
	}

	@Bean
	@Order(10)
	SecurityFilterChain testApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().authenticated())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
