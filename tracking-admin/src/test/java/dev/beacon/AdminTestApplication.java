package dev.beacon;

import dev.beacon.shipment.MappingTable;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Boot configuration for tracking-admin tests (with the carriers, notification and
 * promise modules the console reads). Stands in for the app: the sandbox mapping table,
 * and an /api/** chain (the lead's real one authenticates API keys; tests attach the
 * StorePrincipal themselves).
 */
@SpringBootApplication
public class AdminTestApplication {

	/**
	 * The console tests speak a small scan vocabulary of their own (LC, PU, IT, EX, LO,
	 * DL, ...): their tables replace the carriers module's sandbox and FedEx tables.
	 */
	@Bean
	static BeanDefinitionRegistryPostProcessor adminTablesReplaceCarrierTables() {
		return (registry) -> {
			for (String name : new String[] { "sandboxMappingTable", "fedexMappingTable" }) {
				if (registry.containsBeanDefinition(name)) {
					registry.removeBeanDefinition(name);
				}
			}
		};
	}

	@Bean
	MappingTable adminSandboxTable() {
		return MappingTable.fromClasspath("sandbox", "normalization/admin-sandbox.csv");
	}

	@Bean
	MappingTable adminFedexTable() {
		return MappingTable.fromClasspath("fedex", "normalization/admin-sandbox.csv");
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
