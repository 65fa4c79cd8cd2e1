package dev.beacon.web.page;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import dev.beacon.testing.StatementCounter;
import dev.beacon.shipment.CarrierCandidate;
import dev.beacon.shipment.CarrierDirectory;
import dev.beacon.shipment.CarrierInfo;
import dev.beacon.shipment.MappingTable;

/**
 * Boot configuration of the tracking page tests: core plus tracking-web, with a sandbox
 * mapping table and a small carrier directory. It lives in the page package so that it
 * never meets the module's other test applications; {@link #main} runs it as a local
 * server (for Lighthouse).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "dev.beacon")
@ComponentScan(basePackages = "dev.beacon",
		excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class) })
public class PageTestApplication {

	@Bean
	MappingTable pageSandboxTable() {
		return MappingTable.fromClasspath("sandbox", "page/sandbox-mapping.csv");
	}

	@Bean
	CarrierDirectory pageCarrierDirectory() {
		return new CarrierDirectory() {

			@Override
			public boolean isKnown(String carrier) {
				return Set.of("ups", "fedex", "usps", "dhl", "sandbox").contains(carrier);
			}

			@Override
			public List<CarrierCandidate> detect(String trackingNumber) {
				return trackingNumber.startsWith("SBX") ? List.of(new CarrierCandidate("sandbox", null, 1.0))
						: List.of();
			}

			@Override
			public String displayName(String carrier) {
				return "sandbox".equals(carrier) ? "Sandbox Express" : carrier.toUpperCase(java.util.Locale.ROOT);
			}

			@Override
			public @Nullable String publicTrackingUrl(String carrier, String trackingNumber) {
				return "sandbox".equals(carrier) ? "https://sandbox.example/track/" + trackingNumber : null;
			}

			@Override
			public List<CarrierInfo> all() {
				return List.of(new CarrierInfo("sandbox", "Sandbox Express", "https://sandbox.example/track/{number}",
						"live"));
			}

		};
	}

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	static TransactionsBegun transactionsBegun() {
		return new TransactionsBegun();
	}

	@Bean
	PageEstimateConfidence pageEstimateConfidence() {
		return new PageEstimateConfidence();
	}

	public static void main(String[] args) {
		SpringApplication.run(PageTestApplication.class, args);
	}

}
