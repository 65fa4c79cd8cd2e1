package dev.beacon;

import dev.beacon.admin.CarrierConnections;
import dev.beacon.shipment.MappingTable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Boot configuration for tracking-admin tests. Stands in for the app: the sandbox mapping
 * table, and an /api/** chain (the lead's real one authenticates API keys; tests attach
 * the StorePrincipal themselves).
 */
@SpringBootApplication
public class AdminTestApplication {

	@Bean
	MappingTable adminSandboxTable() {
		return MappingTable.fromClasspath("sandbox", "normalization/admin-sandbox.csv");
	}

	@Bean
	MappingTable adminFedexTable() {
		return MappingTable.fromClasspath("fedex", "normalization/admin-sandbox.csv");
	}

	/**
	 * Stands in for the app's bridge to the carriers module: records what the console
	 * asks.
	 */
	@Bean
	RecordingCarrierConnections carrierConnections() {
		return new RecordingCarrierConnections();
	}

	public static class RecordingCarrierConnections implements CarrierConnections {

		public final java.util.List<String> connected = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public java.util.List<CarrierLine> carriers() {
			return java.util.List
				.of(new CarrierLine("ups", "UPS", false, null, null, null, "no credentials configured"));
		}

		@Override
		public String connectShopify(java.util.UUID storeId, String shopDomain, String secret) {
			this.connected.add(storeId + " shopify " + shopDomain);
			return "/webhooks/carriers/shopify";
		}

		@Override
		public String connectEasyPost(java.util.UUID storeId, String secret) {
			this.connected.add(storeId + " easypost");
			return "/webhooks/carriers/easypost/x";
		}

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
